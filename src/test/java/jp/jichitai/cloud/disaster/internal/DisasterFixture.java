package jp.jichitai.cloud.disaster.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.TenantContext;

/** Seeds a town's victim directory from the data setup tool's hand-checked import file of the migration corpus. */
final class DisasterFixture {

    /** The setup tool's expected output for the valid migration corpus (CP932, with header). */
    static final String IMPORT_FILE = "/migration-corpus/valid/expected-output.csv";
    /** 佐藤　一郎, 世帯主 of a household of three; his wife 佐藤　花子 and their son 佐藤　翔. */
    static final String SATO_ICHIRO = "100000011";
    static final String SATO_HANAKO = "100000022";

    private DisasterFixture() {
    }

    static JdbcResidentDirectory.ImportOutcome seed(JdbcResidentDirectory directory, TenantCode tenant) {
        return TenantContext.callAs(tenant, () -> {
            try (InputStream file = DisasterFixture.class.getResourceAsStream(IMPORT_FILE)) {
                return directory.importFile(file, "victim_support_import.csv");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
