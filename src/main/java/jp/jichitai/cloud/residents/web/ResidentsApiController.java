package jp.jichitai.cloud.residents.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.ResponseEntity;
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
import jp.jichitai.cloud.certificates.RenderResult;
import jp.jichitai.cloud.issuance.IssuedCertificate;
import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.CertificateOptions;
import jp.jichitai.cloud.residents.registry.ResidentCertificates;
import jp.jichitai.cloud.residents.ChangeReceipt;
import jp.jichitai.cloud.residents.HouseholdNumber;
import jp.jichitai.cloud.residents.HouseholdView;
import jp.jichitai.cloud.residents.IndividualNumber;
import jp.jichitai.cloud.residents.Resident;
import jp.jichitai.cloud.residents.ResidentRecord;
import jp.jichitai.cloud.residents.ResidentSummary;
import jp.jichitai.cloud.residents.Residents;
import jp.jichitai.cloud.shared.ApiError;
import jp.jichitai.cloud.shared.PlatformMessages;

/**
 * 住民記録 API. The path's tenant has been checked against the signed-in user's before these run; a 宛名番号 or
 * 世帯番号 of another town is simply not found, with the same body as one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/t/{tenantCode}")
@Tag(name = "residents", description = "住民記録（住民基本台帳）")
class ResidentsApiController {

    /** The platform's one not-found body: the same whether the data or the whole town does not exist. */
    static final ApiError NOT_FOUND = PlatformMessages.error("E-API-0404");

    private final Residents residents;
    private final ResidentCertificates certificates;

    ResidentsApiController(Residents residents, ResidentCertificates certificates) {
        this.residents = residents;
        this.certificates = certificates;
    }

    /**
     * The options of a certificate: {@code form} COPY (写し) or ITEMS (記載事項証明書); {@code members} the 宛名番号
     * of the household members to print (empty: the whole household, or the person alone for a 除票).
     */
    record CertificateRequest(String form, List<String> members, Boolean headAndRelationship, Boolean familyRegister,
            Boolean residentRecordCode, Boolean individualNumber, Boolean officialUse) {

        /** Items not mentioned are left off, as the standard asks. */
        CertificateOptions options() {
            return new CertificateOptions(Boolean.TRUE.equals(headAndRelationship), Boolean.TRUE.equals(familyRegister),
                    Boolean.TRUE.equals(residentRecordCode), Boolean.TRUE.equals(individualNumber),
                    Boolean.TRUE.equals(officialUse));
        }
    }

    @PostMapping(value = "/residents/{atenaNumber}/certificates", produces = {"application/pdf", "application/json"})
    @PreAuthorize("hasAnyRole('CLERK', 'TENANT_ADMIN')")
    @Operation(summary = "住民票の写し・除票の写し・記載事項証明書を交付する（PDF）。世帯主・続柄、本籍・筆頭者、住民票コード、個人番号は指定したときだけ記載")
    ResponseEntity<?> certificate(@PathVariable String tenantCode, @PathVariable String atenaNumber,
            @RequestBody CertificateRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Optional<ResidentRecord> record = find(atenaNumber);
        if (record.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(NOT_FOUND);
        }
        IssuedCertificate issued = certificates.issue(record.get().current().atenaNumber(), membersOf(request),
                formOf(request), request.options(), idempotencyKey);
        return pdf(issued);
    }

    @PostMapping(value = "/residents/{atenaNumber}/certificates/preview", produces = {"application/pdf", "application/json"})
    @PreAuthorize("hasAnyRole('CLERK', 'TENANT_ADMIN')")
    @Operation(summary = "交付前の確認：交付する証明書の見本を表示する（PDF）",
            description = "本文は同じ指定で交付する証明書と同じで、全ページに「見本」と表示される。発行番号・検証コード・QRコードの"
                    + "代わりに見本である旨を記載し、発行番号は使わず、交付の記録も残さない（/verify で照合できるものは含まない）。"
                    + "指定の誤り・エラーは交付と同じ。個人情報の表示としてアクセスログに certificate.preview を記録する。")
    ResponseEntity<?> certificatePreview(@PathVariable String tenantCode, @PathVariable String atenaNumber,
            @RequestBody CertificateRequest request) {
        Optional<ResidentRecord> record = find(atenaNumber);
        if (record.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(NOT_FOUND);
        }
        RenderResult specimen = certificates.specimen(record.get().current().atenaNumber(), membersOf(request),
                formOf(request), request.options());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"certificate-specimen.pdf\"")
                .header("X-Certificate-Specimen", "true")
                .header("Cache-Control", "no-store")
                .body(specimen.pdf());
    }

    /** Blank: 写し. Anything but COPY or ITEMS is refused as a wrong field, by the issue and its preview alike. */
    private static ResidentCertificates.Form formOf(CertificateRequest request) {
        if (request.form() == null || request.form().isBlank()) {
            return ResidentCertificates.Form.COPY;
        }
        for (ResidentCertificates.Form form : ResidentCertificates.Form.values()) {
            if (form.name().equalsIgnoreCase(request.form().trim())) {
                return form;
            }
        }
        throw new ChangeForms.InvalidForm(List.of(new ApiError.FieldError("form",
                "form は COPY（写し）または ITEMS（記載事項証明書）のいずれかです。")));
    }

    private static List<AtenaNumber> membersOf(CertificateRequest request) {
        return request.members() == null ? List.of() : request.members().stream().map(AtenaNumber::migrated).toList();
    }

    static ResponseEntity<byte[]> pdf(IssuedCertificate issued) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"certificate-" + issued.verificationCode().value() + ".pdf\"")
                .header("X-Issue-Number", java.net.URLEncoder.encode(issued.issueNumber().text(), java.nio.charset.StandardCharsets.UTF_8))
                .header("X-Verification-Code", issued.verificationCode().grouped())
                .header("X-Certificate-Repeated", Boolean.toString(issued.repeated()))
                .header("Cache-Control", "no-store")
                .body(issued.pdf());
    }

    /** The answer of a search: {@code items}, at most 50, in the order shown to the clerk. */
    record SearchAnswer(String query, List<ResidentItem> items) {
    }

    record ResidentItem(String atenaNumber, String householdNumber, String name, String kana, String birthDate,
            String status, String statusName, String residentKind, String relationship, String address, String match) {
        static ResidentItem of(ResidentSummary summary) {
            return new ResidentItem(summary.atenaNumber().value(), summary.householdNumber().value(), summary.name(),
                    summary.kana(), summary.birthDate(), summary.status().name(), summary.status().japanese(),
                    summary.kind().name(), summary.relationship(), summary.address(), summary.match().name());
        }
    }

    /** One snapshot as the API shows it (without 個人番号). */
    record SnapshotItem(int historyNumber, String changeKind, String changeName, String changedOn, String notifiedOn,
            String recordedBy, String householdNumber, String status, String name, String kana, String formerSurname,
            String commonName, String birthDate, String sex, String relationship, String address, String buildingLine,
            String postalCode, String addressSettledOn, String becameResidentOn, String nationality, String alphabetName,
            String residenceStatus, String periodExpiresOn, String residentRecordCode, EntitlementsItem entitlements) {
        static SnapshotItem of(ResidentRecord.Entry entry) {
            Resident r = entry.snapshot();
            return new SnapshotItem(entry.historyNumber(), entry.change().kind().name(), entry.change().kind().japanese(),
                    entry.change().changedOn().toString(), entry.change().notifiedOn().map(Object::toString).orElse(null),
                    entry.change().recordedBy(), r.householdNumber().value(), r.status().japanese(), r.name().name(),
                    r.name().kana(), r.formerSurname().map(name -> name.name()).orElse(null),
                    r.commonName().map(name -> name.name()).orElse(null), ResidentRecord.birthDateText(r), r.sex().japanese(),
                    r.relationship().text(), r.address().text(), r.address().buildingLine(), r.address().postalCode().toString(),
                    r.addressSettledOn().toJapaneseEraText(), r.becameResidentOn().toJapaneseEraText(),
                    r.foreignItems().map(items -> items.nationalityOrRegion()).orElse(null),
                    r.foreignItems().map(items -> items.alphabetName()).orElse(null),
                    r.foreignItems().flatMap(items -> items.statusOfResidence()).orElse(null),
                    r.foreignItems().flatMap(items -> items.periodOfStayExpiresOn()).map(date -> date.toGregorianText()).orElse(null),
                    r.residentRecordCode().map(code -> code.value()).orElse(null), EntitlementsItem.of(r.entitlements()));
        }
    }

    /** 資格 as the API shows them; {@code nationalPension} is a {@link jp.jichitai.cloud.residents.NationalPensionCategory} name. */
    record EntitlementsItem(boolean onElectoralRoll, boolean nationalHealthInsurance, boolean lateStageElderlyMedicalCare,
            boolean longTermCareInsurance, String nationalPension, boolean childAllowance) {
        static EntitlementsItem of(jp.jichitai.cloud.residents.Entitlements e) {
            return new EntitlementsItem(e.onElectoralRoll(), e.nationalHealthInsurance(), e.lateStageElderlyMedicalCare(),
                    e.longTermCareInsurance(), e.nationalPension().name(), e.childAllowance());
        }
    }

    record ResidentAnswer(String atenaNumber, String householdNumber, String name, String kana, String birthDate,
            String status, String residentKind, int historyNumber, boolean individualNumberRecorded,
            List<SnapshotItem> history) {
    }

    record HouseholdAnswer(String householdNumber, int historyNumber, String head, String address, List<String> members,
            List<String> formerMembers, List<Map<String, Object>> timeline) {
    }

    record ChangeAnswer(long changeId, String kind, String kindName, List<String> residents, List<String> households) {
        static ChangeAnswer of(ChangeReceipt receipt) {
            return new ChangeAnswer(receipt.changeId(), receipt.kind().name(), receipt.kind().japanese(),
                    receipt.residents().stream().map(AtenaNumber::value).toList(),
                    receipt.households().stream().map(HouseholdNumber::value).toList());
        }
    }

    record DisclosureRequest(String purpose) {
    }

    @GetMapping("/residents")
    @Operation(summary = "住民を検索する（カナ・漢字・生年月日（西暦/和暦）・宛名番号・世帯番号・住所、除票を含む、先頭50件）")
    SearchAnswer search(@PathVariable String tenantCode, @RequestParam(name = "q", defaultValue = "") String query) {
        return new SearchAnswer(query, residents.search(query).stream().map(ResidentItem::of).toList());
    }

    @GetMapping("/residents/{atenaNumber}")
    @Operation(summary = "住民票と履歴を表示する（個人番号は含まない）")
    ResponseEntity<?> resident(@PathVariable String tenantCode, @PathVariable String atenaNumber) {
        Optional<ResidentRecord> record = find(atenaNumber);
        if (record.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(NOT_FOUND);
        }
        Resident current = record.get().current();
        return ResponseEntity.ok(new ResidentAnswer(current.atenaNumber().value(), current.householdNumber().value(),
                current.name().name(), current.name().kana(), ResidentRecord.birthDateText(current), current.status().name(),
                current.kind().name(), record.get().historyNumber(), record.get().individualNumberRecorded(),
                record.get().history().stream().map(SnapshotItem::of).toList()));
    }

    @GetMapping("/households/{householdNumber}")
    @Operation(summary = "世帯の構成員と異動の履歴を表示する")
    ResponseEntity<?> household(@PathVariable String tenantCode, @PathVariable String householdNumber) {
        Optional<HouseholdView> view = numberOf(householdNumber).flatMap(number -> residents.household(HouseholdNumber.migrated(number)));
        if (view.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(NOT_FOUND);
        }
        HouseholdView household = view.get();
        return ResponseEntity.ok(new HouseholdAnswer(household.number().value(), household.historyNumber(),
                household.head().map(AtenaNumber::value).orElse(null), household.address(),
                household.members().stream().map(member -> member.atenaNumber().value()).toList(),
                household.formerMembers().stream().map(member -> member.atenaNumber().value()).toList(),
                household.timeline().stream().map(step -> Map.<String, Object>of("historyNumber", step.historyNumber(),
                        "changeKind", step.change().kind().japanese(), "changedOn", step.change().changedOn().toString(),
                        "residents", step.residents())).toList()));
    }

    @PostMapping("/residents")
    @Operation(summary = "転入（国内・国外）、職権記載、出生を記録する（kind: move-in, move-in-from-abroad, ex-officio-entry, birth）")
    ResponseEntity<?> enter(@PathVariable String tenantCode, @RequestBody ChangeForm form) {
        Optional<ChangeSheet> sheet = Optional.ofNullable(form.getKind()).flatMap(ChangeSheet::ofSlug)
                .filter(ChangeSheet::createsResident);
        if (sheet.isEmpty()) {
            return ResponseEntity.badRequest().body(new ApiError("E-API-0003", "入力内容に誤りがあります。",
                    List.of(new ApiError.FieldError("kind", "kind は move-in, move-in-from-abroad, ex-officio-entry, birth のいずれかです。"))));
        }
        Optional<jp.jichitai.cloud.residents.Resident> head = Optional.empty();
        if (sheet.get() == ChangeSheet.BIRTH && form.getHousehold() != null) {
            Optional<HouseholdView> household = numberOf(form.getHousehold())
                    .flatMap(number -> residents.household(HouseholdNumber.migrated(number)));
            if (household.isEmpty()) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).body(NOT_FOUND);
            }
        }
        ChangeReceipt receipt = residents.record(ChangeForms.toRequest(sheet.get(), head, form, residents.districts()));
        return ResponseEntity.status(HttpStatus.CREATED).body(ChangeAnswer.of(receipt));
    }

    @PostMapping("/residents/{atenaNumber}/changes/{kind}")
    @Operation(summary = "異動を記録する（kind: relocation 転居, household-separation 世帯分離, household-merger 世帯合併, "
            + "household-change 世帯変更, household-head-change 世帯主変更, move-out 転出, move-out-abroad 国外転出, death 死亡, "
            + "ex-officio-removal 職権消除, ex-officio-correction 職権修正, clerical-error-correction 誤記修正, "
            + "former-surname-entry/change/deletion 旧氏, common-name-entry/change/deletion 通称, cancellation 異動の取消し）")
    ResponseEntity<?> change(@PathVariable String tenantCode, @PathVariable String atenaNumber, @PathVariable String kind,
            @RequestBody ChangeForm form) {
        Optional<ChangeSheet> sheet = ChangeSheet.ofSlug(kind).filter(candidate -> !candidate.createsResident());
        Optional<ResidentRecord> record = find(atenaNumber);
        if (sheet.isEmpty() || record.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(NOT_FOUND);
        }
        ChangeReceipt receipt = residents.record(ChangeForms.toRequest(sheet.get(), Optional.of(record.get().current()), form,
                residents.districts()));
        return ResponseEntity.ok(ChangeAnswer.of(receipt));
    }

    @PostMapping("/residents/{atenaNumber}/individual-number")
    @Operation(summary = "個人番号を表示する（団体管理者・窓口職員のみ、目的とともに記録される）")
    ResponseEntity<?> individualNumber(@PathVariable String tenantCode, @PathVariable String atenaNumber,
            @RequestBody DisclosureRequest request) {
        Optional<IndividualNumber> number = numberOf(atenaNumber)
                .flatMap(number1 -> residents.showIndividualNumber(AtenaNumber.migrated(number1), request.purpose()));
        if (number.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(NOT_FOUND);
        }
        return ResponseEntity.ok(Map.of("atenaNumber", atenaNumber, "individualNumber", number.get().value()));
    }

    @ExceptionHandler(ChangeForms.InvalidForm.class)
    ResponseEntity<ApiError> invalid(ChangeForms.InvalidForm e) {
        return ResponseEntity.badRequest().body(new ApiError("E-API-0003", "入力内容に誤りがあります。", e.errors()));
    }

    private Optional<ResidentRecord> find(String atenaNumber) {
        return numberOf(atenaNumber).flatMap(number -> residents.find(AtenaNumber.migrated(number)));
    }

    /** Path numbers that cannot be numbers are just not found (never a different answer that tells anything). */
    static Optional<String> numberOf(String text) {
        return text != null && text.matches("[0-9]{1,15}") ? Optional.of(text) : Optional.empty();
    }
}
