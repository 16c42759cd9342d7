package jp.jichitai.cloud.migration.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Principal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.util.unit.DataSize;

import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.migration.ImportReport;
import jp.jichitai.cloud.migration.ImportRequest;
import jp.jichitai.cloud.migration.RegistryImport;
import jp.jichitai.cloud.migrationformat.Layouts;
import jp.jichitai.cloud.migrationformat.MigrationProblem;
import jp.jichitai.cloud.migrationformat.MigrationProblems;
import jp.jichitai.cloud.residents.registry.RegistryBulkWriter;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * The administrator's 移行データ取込 screen: upload the four standard files, see the validation (counts per file and
 * every error with file, line and column, also as CSV), then confirm the import. Validation is the import itself in
 * a transaction that is rolled back ({@link RegistryImport#validate}); the import is {@link RegistryImport#run}, on a
 * connection bound to the tenant. Both run within the request: the screen shows 「取込中…」 while it waits.
 */
@Controller
@PreAuthorize("hasRole('TENANT_ADMIN')")
class ImportUploadController {

    /** The standard files, in the layout's names; the form's fields carry the same names. */
    static final List<String> FILES = List.of("data_cyonei.csv", "data_d0101.csv", "data_d0301.csv", "data_d0603.csv");

    /** Errors listed on the screen; the CSV lists every listed error (up to the import's list limit). */
    static final int ERRORS_SHOWN = 200;

    private final ImportUploads uploads;
    private final DataSource dataSource;
    private final AuditLog auditLog;
    private final RegistryBulkWriter.KeySource key;
    private final long maxFileBytes;
    private final String multipartMaxFileSize;
    private final String multipartMaxRequestSize;

    ImportUploadController(ImportUploads uploads, DataSource dataSource, AuditLog auditLog,
            @Value("${jc.residents.individual-number-key:}") String configuredKey, @Value("${jc.data-dir}") Path dataDirectory,
            @Value("${jc.migration.upload-max-file-bytes:536870912}") long maxFileBytes,
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize multipartMaxFileSize,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize multipartMaxRequestSize) {
        this.uploads = uploads;
        this.dataSource = dataSource;
        this.auditLog = auditLog;
        this.key = new RegistryBulkWriter.KeySource(configuredKey, dataDirectory);
        this.maxFileBytes = maxFileBytes;
        this.multipartMaxFileSize = readable(multipartMaxFileSize);
        this.multipartMaxRequestSize = readable(multipartMaxRequestSize);
    }

    /** A size as the screen shows it: whole megabytes or gigabytes when it is one, else bytes. */
    static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GB";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MB";
        }
        return String.format(Locale.ROOT, "%,d バイト", bytes);
    }

    @GetMapping("/admin/migration/import")
    String form(@RequestParam(name = "refused", required = false) String refused, Model model) {
        auditLog.record(AuditEvent.of("migration.import.view", "migration-import"));
        model.addAttribute("files", FILES);
        if (UploadTooLarge.REFUSED.equals(refused)) {
            model.addAttribute("formErrors", List.of(MigrationMessages.text("E-MIG-0803", multipartMaxFileSize, multipartMaxRequestSize)));
        }
        return "admin/migration-import";
    }

    @PostMapping("/admin/migration/import")
    String upload(MultipartHttpServletRequest request, Principal user, Model model) throws IOException, SQLException {
        List<String> missing = new ArrayList<>();
        for (String name : FILES) {
            MultipartFile file = request.getFile(name);
            // An empty file is a choice (a town may have no rows of a kind); the import says whether it may be.
            if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
                missing.add(MigrationMessages.text("E-MIG-0801", name));
            } else if (file.getSize() > maxFileBytes) {
                missing.add(MigrationMessages.text("E-MIG-0802", name, maxFileBytes));
            }
        }
        if (!missing.isEmpty()) {
            model.addAttribute("files", FILES);
            model.addAttribute("formErrors", missing);
            return "admin/migration-import";
        }
        ImportUploads.Upload upload = uploads.create(TenantContext.require(), user.getName());
        for (String name : FILES) {
            try (InputStream in = request.getFile(name).getInputStream()) {
                Files.copy(in, upload.directory().resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        ImportReport report = check(upload);
        auditLog.record(AuditEvent.of("migration.import.validate", "migration-upload:" + upload.id())
                .query(report.outcome() + ", " + report.rowsRead() + " rows, " + report.problems().errorCount() + " errors")
                .outcome(report.outcome() == ImportReport.Outcome.VALID ? AuditEvent.Outcome.SUCCESS
                        : AuditEvent.Outcome.FAILURE));
        return "redirect:/admin/migration/import/" + upload.id();
    }

    @GetMapping("/admin/migration/import/{id}")
    String validation(@PathVariable String id, Principal user, Model model) {
        ImportUploads.Upload upload = own(id, user);
        auditLog.record(AuditEvent.of("migration.import.view", "migration-upload:" + upload.id()));
        show(model, upload);
        return "admin/migration-import-check";
    }

    @GetMapping("/admin/migration/import/{id}/errors.csv")
    ResponseEntity<byte[]> errors(@PathVariable String id, Principal user) {
        ImportUploads.Upload upload = own(id, user);
        auditLog.record(AuditEvent.of("migration.import.errors", "migration-upload:" + upload.id()));
        StringBuilder csv = new StringBuilder("\uFEFFファイル,行,列,メッセージID,メッセージ\r\n");
        for (MigrationProblem problem : upload.report().problems().listedErrors()) {
            csv.append(quote(problem.file())).append(',').append(problem.line()).append(',').append(problem.column())
                    .append(',').append(problem.id().value()).append(',').append(quote(problem.text())).append("\r\n");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-errors-" + upload.id() + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/admin/migration/import/{id}/confirm")
    String confirm(@PathVariable String id, @RequestParam(name = "replace", defaultValue = "false") boolean replace,
            Principal user, Model model) throws IOException, SQLException {
        ImportUploads.Upload upload = own(id, user);
        if (upload.report().outcome() != ImportReport.Outcome.VALID) {
            model.addAttribute("formError", MigrationMessages.text("E-MIG-0804"));
        } else if (upload.report().rowsReplaced() > 0 && !replace) {
            model.addAttribute("formError", MigrationMessages.text("E-MIG-0805"));
        } else {
            ImportRequest request = request(upload, user.getName());
            try {
                ImportReport imported = inTenantTransaction(upload.tenant(),
                        connection -> RegistryImport.run(connection, replace ? request.replacing() : request, key));
                uploads.remove(upload);
                model.addAttribute("report", imported);
                return "admin/migration-import-done";
            } catch (BusinessException refused) {
                model.addAttribute("formError", refused.japaneseMessage());
            }
        }
        show(model, upload);
        return "admin/migration-import-check";
    }

    private ImportUploads.Upload own(String id, Principal user) {
        return uploads.find(id, TenantContext.require(), user.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private ImportReport check(ImportUploads.Upload upload) throws IOException, SQLException {
        ImportReport report = inTenantTransaction(upload.tenant(),
                connection -> RegistryImport.validate(connection, request(upload, upload.user()), key));
        upload.checked(report);
        return report;
    }

    private static ImportRequest request(ImportUploads.Upload upload, String actor) {
        return new ImportRequest(upload.tenant(), upload.directory(), false, null, Layouts.DEFAULT_VERSION, actor,
                MigrationProblems.DEFAULT_LIST_LIMIT, ImportRequest.DEFAULT_PROGRESS_EVERY, null);
    }

    private void show(Model model, ImportUploads.Upload upload) {
        ImportReport report = upload.report();
        List<MigrationProblem> errors = report.problems().listedErrors();
        model.addAttribute("uploadId", upload.id());
        model.addAttribute("report", report);
        model.addAttribute("errors", errors.subList(0, Math.min(ERRORS_SHOWN, errors.size())));
        model.addAttribute("warnings", report.problems().listedWarnings());
    }

    @FunctionalInterface
    private interface Work {
        ImportReport on(Connection connection) throws SQLException, IOException;
    }

    /**
     * A connection of the application's pool with the tenant bound for row-level security (as every transaction
     * of the application is), in the transaction that the import opens and ends itself.
     */
    private ImportReport inTenantTransaction(TenantCode tenant, Work work) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                    TenantContext.bindToTransaction(connection, tenant.value());
                }
                return work.on(connection);
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
