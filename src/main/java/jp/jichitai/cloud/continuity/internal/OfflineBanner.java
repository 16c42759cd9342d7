package jp.jichitai.cloud.continuity.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jp.jichitai.cloud.continuity.OfflineOperation;

/**
 * Marks every screen of an offline instance with オフライン運用, so that nobody at a temporary counter takes
 * it for the live registry. Only an embedded database can be one, and it stays one for its whole life, so
 * the answer is read once.
 */
@ControllerAdvice(annotations = Controller.class)
class OfflineBanner {

    private final DataSource dataSource;
    private final boolean embedded;
    private volatile Optional<OfflineOperation.Instance> instance;

    OfflineBanner(DataSource dataSource, @Value("${spring.datasource.url}") String url) {
        this.dataSource = dataSource;
        this.embedded = url != null && url.startsWith("jdbc:h2:");
    }

    @ModelAttribute("offlineOperation")
    OfflineOperation.Instance offlineOperation() {
        return current().orElse(null);
    }

    Optional<OfflineOperation.Instance> current() {
        if (!embedded) {
            return Optional.empty();
        }
        Optional<OfflineOperation.Instance> known = instance;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = OfflineOperation.describe(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("offline_instance could not be read", e);
            }
            instance = known;
        }
        return known;
    }
}
