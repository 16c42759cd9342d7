package jp.jichitai.cloud.disaster.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.disaster.DamageRatio;
import jp.jichitai.cloud.disaster.DirectoryMatch;
import jp.jichitai.cloud.disaster.DirectoryPerson;
import jp.jichitai.cloud.disaster.DisasterKind;
import jp.jichitai.cloud.disaster.PersonQuery;
import jp.jichitai.cloud.shared.ApiError;
import jp.jichitai.cloud.shared.PlatformMessages;
import jp.jichitai.cloud.tenancy.District;

/**
 * The disaster victim support API, so that other systems can script the counter workflow: declare a disaster,
 * report damage for a resident, record a survey, get the 罹災証明書. The path's tenant was checked before
 * these run; a disaster id of another town answers the same 404 as one that does not exist.
 */
@RestController
@PreAuthorize("hasAnyRole('CLERK', 'TENANT_ADMIN')")
@RequestMapping("/api/v1/t/{tenantCode}/disasters")
@Tag(name = "disaster", description = "被災者支援（災害、被災者台帳、被災家屋台帳、罹災証明書、支援金、避難所）")
class DisasterApiController {

    private final Disasters disasters;
    private final VictimSupport support;
    private final DisasterCertificates certificates;
    private final JdbcResidentDirectory directory;
    private final SupportPayments payments;
    private final DisasterStatistics statistics;
    private final DonationRounds donations;
    private final VictimRegistryExport registryExport;
    private final AuditLog auditLog;

    DisasterApiController(Disasters disasters, VictimSupport support, DisasterCertificates certificates,
            JdbcResidentDirectory directory, SupportPayments payments,
            DisasterStatistics statistics, DonationRounds donations, VictimRegistryExport registryExport, AuditLog auditLog) {
        this.disasters = disasters;
        this.support = support;
        this.certificates = certificates;
        this.directory = directory;
        this.payments = payments;
        this.statistics = statistics;
        this.donations = donations;
        this.registryExport = registryExport;
        this.auditLog = auditLog;
    }

    record DeclareDisaster(@NotBlank(message = "災害の名称を入力してください。") @Size(max = 100, message = "災害の名称は100文字以内です。") String name,
            @NotBlank(message = "災害の種類を入力してください（地震・風水害・火災・その他）。") String kind,
            @NotNull(message = "発生日を入力してください。") LocalDate occurredOn,
            List<String> districts, Boolean drill) {
    }

    record Created(long id) {
    }

    record DisasterView(long id, String name, String kind, LocalDate occurredOn, boolean drill, List<District> districts) {
        static DisasterView of(Disaster disaster) {
            return new DisasterView(disaster.id(), disaster.name(), disaster.kind().japaneseName(),
                    disaster.occurredOn(), disaster.drill(), disaster.districts());
        }
    }

    @PostMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Operation(summary = "災害を登録する（団体管理者）")
    ResponseEntity<Created> declare(@PathVariable String tenantCode, @Validated @RequestBody DeclareDisaster body) {
        long id = disasters.declare(body.name(), DisasterKind.ofJapaneseName(body.kind()), body.occurredOn(),
                Boolean.TRUE.equals(body.drill()), body.districts());
        auditLog.record(AuditEvent.of("disaster.declare", "disaster:" + id));
        return ResponseEntity.created(URI.create("/api/v1/t/" + tenantCode + "/disasters/" + id)).body(new Created(id));
    }

    @GetMapping
    @Operation(summary = "災害の一覧")
    List<DisasterView> list(@PathVariable String tenantCode) {
        return disasters.all().stream().map(DisasterView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "災害の詳細")
    DisasterView one(@PathVariable String tenantCode, @PathVariable long id) {
        return DisasterView.of(disasters.require(id));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Operation(summary = "訓練の災害を記録ごと削除する（団体管理者）")
    ResponseEntity<Void> removeDrill(@PathVariable String tenantCode, @PathVariable long id) {
        int certificates = disasters.removeDrill(id);
        auditLog.record(AuditEvent.of("disaster.drill.remove", "disaster:" + id).query(certificates + " certificates"));
        return ResponseEntity.noContent().build();
    }

    record VictimView(String atenaNumber, String householdNumber, String name, String kana, String birthDate,
            String sex, String relationship, String districtCode, String address, boolean nonResident,
            List<VictimView> household) {
        static VictimView of(DirectoryPerson person, List<DirectoryPerson> household) {
            return new VictimView(person.atenaNumber(), person.householdNumber(), person.name(), person.kana(),
                    person.birthDate(), person.sex(), person.relationship(), person.districtCode(),
                    person.fullAddress(), person.nonResident(),
                    household == null ? null : household.stream().map(member -> of(member, null)).toList());
        }
    }

    @GetMapping("/{id}/victims")
    @Operation(summary = "被災者台帳の検索（q: フリガナ・氏名・生年月日8桁。省略時は届出のあった被災者）")
    List<VictimView> victims(@PathVariable String tenantCode, @PathVariable long id,
            @RequestParam(required = false) String q) {
        if (q == null || q.isBlank()) {
            return support.reportedVictims(id).stream().map(person -> VictimView.of(person, null)).toList();
        }
        return support.search(id, PersonQuery.parse(q)).stream()
                .map((DirectoryMatch match) -> VictimView.of(match.person(), match.household())).toList();
    }

    record AddVictim(@NotBlank(message = "氏名を入力してください。") @Size(max = 100) String name, @Size(max = 100) String kana,
            @Size(max = 8) String birthDate, @Size(max = 2) String sex,
            @NotBlank(message = "住所を入力してください。") @Size(max = 200) String address, String districtCode) {
    }

    @PostMapping("/{id}/victims")
    @Operation(summary = "住民でない被災者を手で追加する（来訪者、他市町村の住民）")
    ResponseEntity<Map<String, String>> addVictim(@PathVariable String tenantCode, @PathVariable long id,
            @Validated @RequestBody AddVictim body) {
        Disaster disaster = disasters.require(id);
        District district = disaster.districts().stream().filter(d -> d.code().equals(body.districtCode())).findFirst()
                .orElse(new District(body.districtCode() == null ? "" : body.districtCode(), ""));
        DirectoryPerson person = directory.addNonResident(body.name(), body.kana(), body.birthDate(), body.sex(),
                body.address(), district.code(), district.name());
        auditLog.record(AuditEvent.of("disaster.victim.add", "disaster:" + id + " atena:" + person.atenaNumber()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("atenaNumber", person.atenaNumber()));
    }

    record DamageReport(@NotBlank(message = "宛名番号を入力してください。") @Size(max = 16) String atenaNumber,
            @NotNull(message = "届出日を入力してください。") LocalDate reportedOn,
            @NotBlank(message = "被害の状況を入力してください。") @Size(max = 1000) String description) {
    }

    @PostMapping("/{id}/damage-reports")
    @Operation(summary = "被災状況の届出を記録する")
    ResponseEntity<Created> report(@PathVariable String tenantCode, @PathVariable long id,
            @Validated @RequestBody DamageReport body) {
        long reportId = support.report(id, body.atenaNumber(), body.reportedOn(), body.description());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(reportId));
    }

    record SurveyBody(@NotNull(message = "届出番号を入力してください。") Long reportId,
            @NotNull(message = "損害割合（パーセント）を入力してください。") BigDecimal damageRatio) {
    }

    record SurveyCreated(long id, String level) {
    }

    @PostMapping("/{id}/surveys")
    @Operation(summary = "被害認定調査の結果を記録する（damageRatio: 損害割合 %）。被害の程度を返す")
    ResponseEntity<SurveyCreated> survey(@PathVariable String tenantCode, @PathVariable long id,
            @Validated @RequestBody SurveyBody body) {
        DamagedHouses.Survey survey = support.survey(id, body.reportId(), DamageRatio.of(body.damageRatio()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new SurveyCreated(survey.id(), survey.level().japaneseName()));
    }

    record CertificateBody(@NotNull(message = "届出番号を入力してください。") Long reportId) {
    }

    @PostMapping(value = "/{id}/certificates", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "罹災証明書を発行する（PDF）")
    ResponseEntity<byte[]> certificate(@PathVariable String tenantCode, @PathVariable long id,
            @Validated @RequestBody CertificateBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        DisasterCertificates.Issued issued = certificates.issue(id, body.reportId(), idempotencyKey);
        return pdf(issued);
    }

    @PostMapping(value = "/{id}/certificates/{serial}/reprint", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "証明書を再発行する（新しい番号、再発行の表示）")
    ResponseEntity<byte[]> reprint(@PathVariable String tenantCode, @PathVariable long id, @PathVariable long serial) {
        return pdf(certificates.reprint(id, serial));
    }

    static ResponseEntity<byte[]> pdf(DisasterCertificates.Issued issued) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"disaster-" + issued.disasterId() + "-"
                        + issued.serial() + ".pdf\"")
                .header("X-Certificate-Serial", Long.toString(issued.serial()))
                .body(issued.pdf());
    }

    @GetMapping("/{id}/payments")
    @Operation(summary = "被災者生活再建支援金の申請・支給の一覧")
    List<SupportPayments.Application> payments(@PathVariable String tenantCode, @PathVariable long id) {
        disasters.require(id);
        List<SupportPayments.Application> list = payments.applications(id);
        auditLog.record(AuditEvent.of("disaster.payment.list", "disaster:" + id).query(list.size() + " applications"));
        return list;
    }

    @PostMapping("/{id}/payments")
    @Operation(summary = "被災者生活再建支援金の申請を記録する（金額は法の表から計算）")
    ResponseEntity<SupportPayments.Application> apply(@PathVariable String tenantCode, @PathVariable long id,
            @Validated @RequestBody SupportPayments.ApplicationBody body) {
        SupportPayments.Application application = payments.apply(disasters.require(id), body);
        auditLog.record(AuditEvent.of("disaster.payment.apply", "disaster:" + id + " household:" + application.householdNumber()));
        return ResponseEntity.status(HttpStatus.CREATED).body(application);
    }

    @PostMapping("/{id}/payments/{applicationId}/decision")
    @Operation(summary = "支援金の申請を決定する（approved: true/false）")
    SupportPayments.Application decide(@PathVariable String tenantCode, @PathVariable long id,
            @PathVariable long applicationId, @RequestBody Map<String, Boolean> body) {
        disasters.require(id);
        SupportPayments.Application decided = payments.decide(id, applicationId, Boolean.TRUE.equals(body.get("approved")));
        auditLog.record(AuditEvent.of("disaster.payment.decide", "disaster:" + id + " application:" + applicationId));
        return decided;
    }

    @PostMapping("/{id}/payments/{applicationId}/payment")
    @Operation(summary = "支援金を支給したことを記録する（同じ世帯・同じ項目は一度だけ）")
    SupportPayments.Application pay(@PathVariable String tenantCode, @PathVariable long id,
            @PathVariable long applicationId) {
        disasters.require(id);
        SupportPayments.Application paid = payments.pay(id, applicationId);
        auditLog.record(AuditEvent.of("disaster.payment.pay", "disaster:" + id + " application:" + applicationId));
        return paid;
    }

    @GetMapping("/{id}/statistics")
    @Operation(summary = "集計（行政区別・被害の程度別・日別の発行数）。訓練は集計しない")
    DisasterStatistics.Summary statistics(@PathVariable String tenantCode, @PathVariable long id) {
        return statistics.of(disasters.require(id));
    }

    @GetMapping("/{id}/victims.csv")
    @Operation(summary = "被災者台帳の CSV（他システム向け、encoding: CP932 または UTF-8）")
    ResponseEntity<byte[]> victimsCsv(@PathVariable String tenantCode, @PathVariable long id,
            @RequestParam(required = false) String encoding) {
        Disaster disaster = disasters.require(id);
        java.nio.charset.Charset charset = CsvText.encoding(encoding);
        VictimRegistryExport.Export export = registryExport.export(disaster, charset);
        auditLog.record(AuditEvent.of("disaster.victim.export", "disaster:" + id)
                .query(export.people() + " people, " + CsvText.label(charset)));
        return ShelterApiController.csv(export.file(), charset, "disaster-" + id + (disaster.drill() ? "-drill" : "")
                + "-victims.csv");
    }

    record RoundDetail(DonationRounds.Round round, List<DonationRounds.Household> households) {
    }

    record DonationPaymentBody(@NotBlank(message = "世帯番号を入力してください。") @Size(max = 16) String householdNumber) {
    }

    @GetMapping("/{id}/donation-rounds")
    @Operation(summary = "義援金の配分の一覧")
    List<DonationRounds.Round> donationRounds(@PathVariable String tenantCode, @PathVariable long id) {
        disasters.require(id);
        return donations.of(id);
    }

    @PostMapping("/{id}/donation-rounds")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Operation(summary = "義援金の配分を決める（団体管理者、amounts: 被害の程度ごとの金額）")
    ResponseEntity<Created> createRound(@PathVariable String tenantCode, @PathVariable long id,
            @Validated @RequestBody DonationRounds.RoundBody body) {
        disasters.require(id);
        long round = donations.create(id, body.name(), body.amounts());
        auditLog.record(AuditEvent.of("disaster.donation.round", "disaster:" + id + " round:" + round));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(round));
    }

    @GetMapping("/{id}/donation-rounds/{roundId}")
    @Operation(summary = "配分の対象世帯と支給状況")
    RoundDetail donationRound(@PathVariable String tenantCode, @PathVariable long id, @PathVariable long roundId) {
        disasters.require(id);
        List<DonationRounds.Household> households = donations.households(id, roundId);
        auditLog.record(AuditEvent.of("disaster.donation.list", "disaster:" + id + " round:" + roundId)
                .query(households.size() + " households"));
        return new RoundDetail(donations.require(id, roundId), households);
    }

    @PostMapping("/{id}/donation-rounds/{roundId}/payments")
    @Operation(summary = "義援金の支給を記録する（同じ配分で同じ世帯には一度だけ）")
    ResponseEntity<DonationRounds.Household> payDonation(@PathVariable String tenantCode, @PathVariable long id,
            @PathVariable long roundId, @Validated @RequestBody DonationPaymentBody body) {
        disasters.require(id);
        DonationRounds.Household paid = donations.pay(id, roundId, body.householdNumber());
        auditLog.record(AuditEvent.of("disaster.donation.pay", "disaster:" + id + " round:" + roundId + " household:"
                + paid.householdNumber()));
        return ResponseEntity.status(HttpStatus.CREATED).body(paid);
    }

    @ExceptionHandler(DisasterNotFound.class)
    ResponseEntity<ApiError> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(PlatformMessages.error("E-API-0404"));
    }
}
