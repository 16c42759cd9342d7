package jp.jichitai.cloud.disaster.internal;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.shared.ApiError;
import jp.jichitai.cloud.shared.PlatformMessages;

/**
 * 避難所 API: open and close shelters, record evacuees' entry and exit, the offline roster file (export and
 * merge) and the review of flagged duplicates. Ids of another disaster or town answer the platform's 404.
 */
@RestController
@PreAuthorize("hasAnyRole('CLERK', 'TENANT_ADMIN')")
@RequestMapping("/api/v1/t/{tenantCode}/disasters/{id}/shelters")
@Tag(name = "disaster", description = "被災者支援（避難所）")
class ShelterApiController {

    private final Disasters disasters;
    private final Shelters shelters;
    private final AuditLog auditLog;

    ShelterApiController(Disasters disasters, Shelters shelters, AuditLog auditLog) {
        this.disasters = disasters;
        this.shelters = shelters;
        this.auditLog = auditLog;
    }

    record Created(long id) {
    }

    record ShelterDetail(Shelters.Shelter shelter, List<Shelters.Stay> evacuees) {
    }

    @GetMapping
    @Operation(summary = "避難所の一覧と現在の避難者数（確認待ちの件数を含む）")
    List<Shelters.Shelter> list(@PathVariable String tenantCode, @PathVariable long id) {
        disasters.require(id);
        return shelters.of(id);
    }

    @PostMapping
    @Operation(summary = "避難所を開設する（name, capacity）")
    ResponseEntity<Created> open(@PathVariable String tenantCode, @PathVariable long id,
            @Validated @RequestBody Shelters.OpenBody body) {
        disasters.require(id);
        long shelter = shelters.open(id, body.name(), body.capacity());
        auditLog.record(AuditEvent.of("disaster.shelter.open", "disaster:" + id + " shelter:" + shelter));
        return ResponseEntity.created(URI.create("/api/v1/t/" + tenantCode + "/disasters/" + id + "/shelters/" + shelter))
                .body(new Created(shelter));
    }

    @GetMapping("/{shelterId}")
    @Operation(summary = "避難所と避難者名簿")
    ShelterDetail one(@PathVariable String tenantCode, @PathVariable long id, @PathVariable long shelterId) {
        disasters.require(id);
        List<Shelters.Stay> roster = shelters.roster(id, shelterId);
        auditLog.record(AuditEvent.of("disaster.shelter.roster.view", "disaster:" + id + " shelter:" + shelterId)
                .query(roster.size() + " evacuees"));
        return new ShelterDetail(shelters.require(id, shelterId), roster);
    }

    @PostMapping("/{shelterId}/close")
    @Operation(summary = "避難所を閉鎖する（全員の退所後）")
    Shelters.Shelter close(@PathVariable String tenantCode, @PathVariable long id, @PathVariable long shelterId) {
        disasters.require(id);
        Shelters.Shelter closed = shelters.close(id, shelterId);
        auditLog.record(AuditEvent.of("disaster.shelter.close", "disaster:" + id + " shelter:" + shelterId));
        return closed;
    }

    @PostMapping("/{shelterId}/evacuees")
    @Operation(summary = "入所を記録する（atenaNumber で被災者台帳の方、または name・kana・birthDate）")
    ResponseEntity<Shelters.Stay> enter(@PathVariable String tenantCode, @PathVariable long id, @PathVariable long shelterId,
            @Validated @RequestBody Shelters.EntryBody body) {
        disasters.require(id);
        Shelters.Stay stay = shelters.enter(id, shelterId, body);
        auditLog.record(AuditEvent.of("disaster.shelter.enter", "disaster:" + id + " shelter:" + shelterId + " stay:"
                + stay.id() + (stay.atenaNumber() == null ? "" : " atena:" + stay.atenaNumber())));
        return ResponseEntity.status(HttpStatus.CREATED).body(stay);
    }

    @PostMapping("/{shelterId}/evacuees/{stayId}/exit")
    @Operation(summary = "退所を記録する")
    Shelters.Stay leave(@PathVariable String tenantCode, @PathVariable long id, @PathVariable long shelterId,
            @PathVariable long stayId) {
        disasters.require(id);
        if (shelters.requireStay(id, stayId).shelterId() != shelterId) {
            throw new DisasterNotFound("stay " + stayId);
        }
        Shelters.Stay stay = shelters.leave(id, stayId);
        auditLog.record(AuditEvent.of("disaster.shelter.exit", "disaster:" + id + " shelter:" + shelterId + " stay:" + stayId));
        return stay;
    }

    @GetMapping("/{shelterId}/roster.csv")
    @Operation(summary = "避難者名簿ファイル（オフラインの PC 用、encoding: CP932 または UTF-8）")
    ResponseEntity<byte[]> export(@PathVariable String tenantCode, @PathVariable long id, @PathVariable long shelterId,
            @RequestParam(required = false) String encoding) {
        disasters.require(id);
        Charset charset = CsvText.encoding(encoding);
        CsvText.Encoded file = shelters.export(id, shelterId, charset);
        auditLog.record(AuditEvent.of("disaster.shelter.roster.export", "disaster:" + id + " shelter:" + shelterId)
                .query(CsvText.label(charset)));
        return csv(file, charset, "shelter-" + shelterId + "-roster.csv");
    }

    @PostMapping(value = "/{shelterId}/roster", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "オフラインで記録した避難者名簿を取り込む（重複の疑いは確認待ち）")
    Shelters.MergeOutcome merge(@PathVariable String tenantCode, @PathVariable long id, @PathVariable long shelterId,
            @RequestParam(required = false) String encoding, @RequestBody byte[] file) {
        disasters.require(id);
        Shelters.MergeOutcome outcome = shelters.merge(id, shelterId, file, CsvText.encoding(encoding));
        auditLog.record(AuditEvent.of("disaster.shelter.roster.merge", "disaster:" + id + " shelter:" + shelterId)
                .query(outcome.toString()));
        return outcome;
    }

    @GetMapping("/reviews")
    @Operation(summary = "重複の疑いで確認待ちの避難者")
    List<Shelters.Review> reviews(@PathVariable String tenantCode, @PathVariable long id) {
        disasters.require(id);
        List<Shelters.Review> reviews = shelters.reviews(id);
        auditLog.record(AuditEvent.of("disaster.shelter.review.list", "disaster:" + id).query(reviews.size() + " pairs"));
        return reviews;
    }

    @PostMapping("/reviews/{stayId}")
    @Operation(summary = "重複の疑いを確認する（samePerson: true で1人にまとめる、false で別人として残す）")
    Shelters.Stay resolve(@PathVariable String tenantCode, @PathVariable long id, @PathVariable long stayId,
            @RequestBody Map<String, Boolean> body) {
        disasters.require(id);
        boolean same = Boolean.TRUE.equals(body.get("samePerson"));
        Shelters.Stay kept = shelters.resolve(id, stayId, same);
        auditLog.record(AuditEvent.of("disaster.shelter.review.resolve", "disaster:" + id + " stay:" + stayId)
                .query(same ? "same person" : "different people"));
        return kept;
    }

    static ResponseEntity<byte[]> csv(CsvText.Encoded file, Charset charset, String fileName) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", charset))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .header("X-Substituted-Characters", Integer.toString(file.substituted()))
                .body(file.bytes());
    }

    @ExceptionHandler(Shelters.RosterRefused.class)
    ResponseEntity<ApiError> refused(Shelters.RosterRefused refused) {
        return ResponseEntity.unprocessableContent().body(new ApiError(refused.messageId().value(), refused.japaneseMessage(),
                refused.problems().stream().map(problem -> new ApiError.FieldError("roster", problem)).toList()));
    }

    @ExceptionHandler(DisasterNotFound.class)
    ResponseEntity<ApiError> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(PlatformMessages.error("E-API-0404"));
    }
}
