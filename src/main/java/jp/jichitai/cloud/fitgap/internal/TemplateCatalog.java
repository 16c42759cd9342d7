package jp.jichitai.cloud.fitgap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.fitgap.FitGapMessages;
import jp.jichitai.cloud.fitgap.ProcedureTemplate;
import jp.jichitai.cloud.fitgap.StandardTemplates;

/**
 * The standard templates: as shipped (read from the class path once), and each version the provider has
 * saved since (table fitgap_template_version). New analyses start from the latest version; an analysis
 * reads the version it started from, so the provider's edits never change it.
 */
@Component
class TemplateCatalog {

    static final String DEFAULT_TEMPLATE = "victim-support";
    static final List<String> SHIPPED = List.of(DEFAULT_TEMPLATE);

    /** A template at one version; {@code versionNo} is empty for the template as shipped. */
    record Versioned(ProcedureTemplate template, Integer versionNo) {
    }

    /** A saved version as the provider's screen lists it. */
    record VersionRow(int versionNo, String editedBy, OffsetDateTime editedAt) {
    }

    private final JdbcClient jdbc;
    private final Map<String, ProcedureTemplate> loaded = new ConcurrentHashMap<>();

    TemplateCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The template as shipped with the system. */
    ProcedureTemplate byId(String id) {
        checkId(id);
        return loaded.computeIfAbsent(id + "@shipped", key -> StandardTemplates.byId(id));
    }

    /** The latest version, which new analyses start from. */
    @Transactional(readOnly = true)
    public Versioned current(String id) {
        checkId(id);
        Optional<Integer> latest = jdbc.sql("SELECT MAX(version_no) FROM fitgap_template_version WHERE template_id = ?")
                .param(id).query(Integer.class).optional();
        return latest.map(version -> new Versioned(at(id, version), version)).orElseGet(() -> new Versioned(byId(id), null));
    }

    /** The template at a saved version, or as shipped when {@code versionNo} is null. */
    @Transactional(readOnly = true)
    public ProcedureTemplate at(String id, Integer versionNo) {
        if (versionNo == null) {
            return byId(id);
        }
        return loaded.computeIfAbsent(id + "@" + versionNo, key -> {
            String source = jdbc.sql("SELECT source FROM fitgap_template_version WHERE template_id = ? AND version_no = ?")
                    .params(id, versionNo).query(String.class).optional()
                    .orElseThrow(() -> FitGapMessages.refusal("E-FIT-0005", id + " 第" + versionNo + "版"));
            return parse(id, versionNo, source);
        });
    }

    /** The TSV text of the latest version, as the provider edits it. */
    @Transactional(readOnly = true)
    public String currentSource(String id) {
        checkId(id);
        return jdbc.sql("""
                SELECT source FROM fitgap_template_version WHERE template_id = ?
                 ORDER BY version_no DESC FETCH FIRST 1 ROWS ONLY""")
                .param(id).query(String.class).optional().orElseGet(() -> shippedSource(id));
    }

    @Transactional(readOnly = true)
    public List<VersionRow> versions(String id) {
        return jdbc.sql("SELECT version_no, edited_by, edited_at FROM fitgap_template_version WHERE template_id = ? ORDER BY version_no DESC")
                .param(id)
                .query((rs, row) -> new VersionRow(rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
                .list();
    }

    /**
     * Saves an edited template as the next version, after reading it whole: a line that does not read is
     * refused with its number and nothing is saved. The template's id cannot change.
     */
    @Transactional
    public int save(String id, String source, String editedBy) {
        checkId(id);
        int next = jdbc.sql("SELECT COALESCE(MAX(version_no), 0) + 1 FROM fitgap_template_version WHERE template_id = ?")
                .param(id).query(Integer.class).single();
        parse(id, next, source);
        jdbc.sql("""
                INSERT INTO fitgap_template_version (template_id, version_no, source, edited_by, edited_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(id, next, source, editedBy, OffsetDateTime.now()).update();
        return next;
    }

    private static ProcedureTemplate parse(String id, int versionNo, String source) {
        ProcedureTemplate template;
        try {
            template = TemplateReader.read(id + " 第" + versionNo + "版", new StringReader(source == null ? "" : source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!template.id().equals(id)) {
            throw FitGapMessages.refusal("E-FIT-0014", id, template.id());
        }
        return template;
    }

    private static String shippedSource(String id) {
        try (InputStream in = TemplateCatalog.class.getClassLoader()
                .getResourceAsStream("fitgap/templates/" + id + ".tsv")) {
            if (in == null) {
                throw FitGapMessages.refusal("E-FIT-0005", id);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkId(String id) {
        if (id == null || !id.matches("[a-z0-9-]{1,40}")) {
            throw FitGapMessages.refusal("E-FIT-0005", String.valueOf(id));
        }
    }
}
