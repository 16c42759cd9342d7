package jp.jichitai.cloud.residents.web;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Supplier;

import jp.jichitai.cloud.residents.Address;
import jp.jichitai.cloud.residents.AdministrativeDistrict;
import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.ChangeRequest;
import jp.jichitai.cloud.residents.CorrectedItems;
import jp.jichitai.cloud.residents.Entitlements;
import jp.jichitai.cloud.residents.FamilyRegister;
import jp.jichitai.cloud.residents.ForeignResidentCategory;
import jp.jichitai.cloud.residents.ForeignResidentItems;
import jp.jichitai.cloud.residents.HouseholdNumber;
import jp.jichitai.cloud.residents.IndividualNumber;
import jp.jichitai.cloud.residents.NationalPensionCategory;
import jp.jichitai.cloud.residents.NewResident;
import jp.jichitai.cloud.residents.PersonName;
import jp.jichitai.cloud.residents.PostalCode;
import jp.jichitai.cloud.residents.RecordedDate;
import jp.jichitai.cloud.residents.Relationship;
import jp.jichitai.cloud.residents.ResidenceCardNumber;
import jp.jichitai.cloud.residents.Resident;
import jp.jichitai.cloud.residents.ResidentKind;
import jp.jichitai.cloud.residents.ResidentRecordCode;
import jp.jichitai.cloud.residents.Sex;
import jp.jichitai.cloud.shared.ApiError;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;

/** Turns a {@link ChangeForm} into a domain request, collecting every field's problem in Japanese. */
final class ChangeForms {

    private static final Messages MESSAGES = Messages.of("residents");

    /** The form's problems, field by field. */
    static final class InvalidForm extends RuntimeException {
        private final transient List<ApiError.FieldError> errors;

        InvalidForm(List<ApiError.FieldError> errors) {
            super("invalid change form: " + errors.size() + " fields");
            this.errors = List.copyOf(errors);
        }

        List<ApiError.FieldError> errors() {
            return errors;
        }
    }

    private final List<ApiError.FieldError> errors = new ArrayList<>();
    private final ChangeForm form;
    private final Set<String> districtCodes;

    private ChangeForms(ChangeForm form, Collection<AdministrativeDistrict> districts) {
        this.form = form;
        this.districtCodes = districts.stream().map(AdministrativeDistrict::code).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The request for a sheet; {@code subject} is the current record of the person the sheet is about, if any;
     * {@code districts} the 行政区 an address may name ({@link jp.jichitai.cloud.residents.Residents#districts()}).
     */
    static ChangeRequest toRequest(ChangeSheet sheet, Optional<Resident> subject, ChangeForm form,
            Collection<AdministrativeDistrict> districts) {
        ChangeForms forms = new ChangeForms(form, districts);
        ChangeRequest request = forms.build(sheet, subject);
        if (!forms.errors.isEmpty()) {
            throw new InvalidForm(forms.errors);
        }
        return request;
    }

    private ChangeRequest build(ChangeSheet sheet, Optional<Resident> subject) {
        LocalDate changedOn = date("changedOn", "異動日", form.getChangedOn());
        Optional<LocalDate> notifiedOn = sheet.notified()
                ? Optional.ofNullable(date("notifiedOn", "届出日", form.getNotifiedOn())) : Optional.empty();
        OptionalInt expected = form.getExpectedHouseholdHistory() == null ? OptionalInt.empty()
                : OptionalInt.of(form.getExpectedHouseholdHistory());
        AtenaNumber atena = subject.map(Resident::atenaNumber).orElse(null);
        ChangeRequest request = switch (sheet) {
            case MOVE_IN, MOVE_IN_FROM_ABROAD, EX_OFFICIO_ENTRY -> {
                NewResident person = newResident();
                Optional<HouseholdNumber> join = optional(form.getHousehold())
                        .map(text -> parse("household", () -> HouseholdNumber.migrated(text)));
                yield person == null ? null : new ChangeRequest.MoveIn(sheet.kind(), changedOn, notifiedOn, person, join, expected);
            }
            case BIRTH -> {
                HouseholdNumber household = subject.map(Resident::householdNumber).orElseGet(() -> optional(form.getHousehold())
                        .map(text -> parse("household", () -> HouseholdNumber.migrated(text))).orElse(null));
                if (household == null) {
                    missing("household", "世帯番号");
                }
                PersonName name = name();
                Sex sex = sex();
                Relationship relationship = relationship("relationship");
                Entitlements entitlements = newbornEntitlements();
                yield household == null || name == null || sex == null || relationship == null || entitlements == null ? null
                        : new ChangeRequest.Birth(changedOn, notifiedOn, household, name, sex, relationship, Optional.empty(),
                                entitlements, expected);
            }
            case RELOCATION -> {
                Address address = address();
                yield address == null ? null : new ChangeRequest.Relocation(atena, changedOn, notifiedOn, address, expected);
            }
            case HOUSEHOLD_SEPARATION -> new ChangeRequest.HouseholdSeparation(atena, changedOn, notifiedOn, expected);
            case HOUSEHOLD_MERGER -> {
                HouseholdNumber into = requiredHousehold();
                Map<AtenaNumber, Relationship> relationships = relationships();
                yield into == null ? null : new ChangeRequest.HouseholdMerger(subject.orElseThrow().householdNumber(), into,
                        relationships, changedOn, notifiedOn, expected);
            }
            case HOUSEHOLD_CHANGE -> {
                HouseholdNumber into = requiredHousehold();
                Relationship relationship = relationship("relationship");
                yield into == null || relationship == null ? null
                        : new ChangeRequest.HouseholdChange(atena, into, relationship, changedOn, notifiedOn, expected);
            }
            case HOUSEHOLD_HEAD_CHANGE -> new ChangeRequest.HeadChange(subject.orElseThrow().householdNumber(), atena,
                    relationships(), changedOn, notifiedOn, expected);
            case MOVE_OUT, MOVE_OUT_ABROAD -> {
                List<AtenaNumber> members = form.getMembers().isEmpty() ? List.of(atena)
                        : form.getMembers().stream().map(AtenaNumber::migrated).toList();
                String destination = optional(form.getDestination()).orElse(null);
                if (destination == null) {
                    missing("destination", "転出先");
                }
                yield new ChangeRequest.MoveOut(sheet.kind(), members, changedOn, notifiedOn, destination, expected);
            }
            case DEATH -> new ChangeRequest.Death(atena, changedOn, notifiedOn, newHead(), expected);
            case EX_OFFICIO_REMOVAL -> new ChangeRequest.ExOfficioRemoval(atena, changedOn, newHead(), expected);
            case EX_OFFICIO_CORRECTION, CLERICAL_ERROR_CORRECTION -> {
                Optional<PersonName> name = optional(form.getName()).isPresent() || optional(form.getKana()).isPresent()
                        ? Optional.ofNullable(name()) : Optional.empty();
                Optional<RecordedDate> birth = optional(form.getBirthDate())
                        .map(text -> parse("birthDate", () -> RecordedDate.parse(text)));
                Optional<Sex> sex = optional(form.getSex()).map(text -> sex());
                Optional<Relationship> relationship = optional(form.getRelationship()).map(text -> relationship("relationship"));
                Optional<String> building = Optional.ofNullable(form.getBuildingLine()).filter(text -> !text.isEmpty());
                Optional<String> district = optional(form.getDistrict()).map(code -> district());
                Optional<FamilyRegister> register = optional(form.getRegisteredDomicile())
                        .map(domicile -> new FamilyRegister(domicile, optional(form.getFamilyRegisterHead()).orElse("")));
                Optional<ResidentRecordCode> code = residentRecordCode();
                Resident person = subject.orElseThrow();
                Optional<Entitlements> entitlements = correctedEntitlements(person.entitlements(), person.kind());
                yield new ChangeRequest.Correction(sheet.kind(), atena, changedOn, notifiedOn,
                        new CorrectedItems(name, birth, sex, relationship, building, district, register, code,
                                entitlements), expected);
            }
            case FORMER_SURNAME_ENTRY, FORMER_SURNAME_CHANGE, COMMON_NAME_ENTRY, COMMON_NAME_CHANGE -> {
                PersonName name = name();
                yield name == null ? null : new ChangeRequest.NameItem(sheet.kind(), atena, changedOn, notifiedOn,
                        Optional.of(name), expected);
            }
            case FORMER_SURNAME_DELETION, COMMON_NAME_DELETION -> new ChangeRequest.NameItem(sheet.kind(), atena, changedOn,
                    notifiedOn, Optional.empty(), expected);
            case CANCELLATION -> {
                String reason = optional(form.getReason()).orElse(null);
                if (reason == null) {
                    missing("reason", "取消しの理由");
                }
                yield new ChangeRequest.Cancellation(atena, changedOn, reason, expected);
            }
        };
        return changedOn == null ? null : request;
    }

    private NewResident newResident() {
        PersonName name = name();
        RecordedDate birth = required("birthDate", "生年月日", form.getBirthDate(), text -> RecordedDate.parse(text));
        Sex sex = sex();
        Relationship relationship = optional(form.getHousehold()).isPresent() ? relationship("relationship")
                : optional(form.getRelationship()).map(text -> relationship("relationship")).orElse(Relationship.HOUSEHOLD_HEAD);
        Address address = optional(form.getHousehold()).isPresent()
                ? new Address(PostalCode.parse("0000000"), "（世帯の住所）", "", "") : address();
        ResidentKind kind = "FOREIGN".equals(form.getResidentKind()) || "外国人".equals(form.getResidentKind())
                ? ResidentKind.FOREIGN : ResidentKind.JAPANESE;
        Optional<ForeignResidentItems> foreign = Optional.empty();
        Optional<FamilyRegister> register = Optional.empty();
        if (kind == ResidentKind.FOREIGN) {
            foreign = Optional.ofNullable(parse("nationality", () -> new ForeignResidentItems(
                    String.valueOf(optional(form.getNationality()).orElse("")), optional(form.getAlphabetName()).orElse(""),
                    optional(form.getForeignCategory()).map(ForeignResidentCategory::valueOf).orElse(null),
                    optional(form.getStatusOfResidence()), optional(form.getPeriodOfStay()),
                    optional(form.getPeriodExpiresOn()).map(RecordedDate::parse),
                    optional(form.getCardNumber()).map(ResidenceCardNumber::new),
                    optional(form.getChangedOn()).map(RecordedDate::parse).orElse(RecordedDate.unknown()))));
        } else if (optional(form.getRegisteredDomicile()).isPresent()) {
            register = Optional.of(new FamilyRegister(form.getRegisteredDomicile().strip(),
                    optional(form.getFamilyRegisterHead()).orElse("")));
        }
        Optional<IndividualNumber> number = optional(form.getIndividualNumber())
                .map(text -> parse("individualNumber", () -> IndividualNumber.of(digits(text))));
        Optional<ResidentRecordCode> code = residentRecordCode();
        Entitlements entitlements = entitlements(Entitlements.none(), kind);
        if (name == null || birth == null || sex == null || relationship == null || address == null
                || (kind == ResidentKind.FOREIGN && foreign.isEmpty())) {
            return null;
        }
        return new NewResident(kind, name, birth, sex, relationship, address, optional(form.getPreviousAddress()), register,
                foreign, number, code, entitlements);
    }

    private Optional<ResidentRecordCode> residentRecordCode() {
        return optional(form.getResidentRecordCode())
                .map(text -> parse("residentRecordCode", () -> ResidentRecordCode.of(digits(text))));
    }

    /** Digits as typed at the counter: full width, grouped with spaces or hyphens. */
    private static String digits(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replace(" ", "").replace("-", "");
    }

    /** The 資格 of a new record: every box left empty is "なし". */
    private Entitlements entitlements(Entitlements recorded, ResidentKind kind) {
        return checked(new Entitlements(
                or(form.getOnElectoralRoll(), recorded.onElectoralRoll()),
                or(form.getNationalHealthInsurance(), recorded.nationalHealthInsurance()),
                or(form.getLateStageElderlyMedicalCare(), recorded.lateStageElderlyMedicalCare()),
                or(form.getLongTermCareInsurance(), recorded.longTermCareInsurance()),
                pension().orElse(recorded.nationalPension()),
                or(form.getChildAllowance(), recorded.childAllowance())), kind);
    }

    /**
     * The 資格 of a newborn: 国民健康保険 (the child joins the household's insurance) and 児童手当; the others cannot be
     * held at birth and are refused (E-RES-0082), not dropped.
     */
    private Entitlements newbornEntitlements() {
        boolean refused = false;
        for (var item : List.of(Map.entry("onElectoralRoll", or(form.getOnElectoralRoll(), false)),
                Map.entry("lateStageElderlyMedicalCare", or(form.getLateStageElderlyMedicalCare(), false)),
                Map.entry("longTermCareInsurance", or(form.getLongTermCareInsurance(), false)),
                Map.entry("nationalPension", pension().filter(category -> category != NationalPensionCategory.NOT_INSURED).isPresent()))) {
            if (item.getValue()) {
                errors.add(new ApiError.FieldError(item.getKey(), MESSAGES.text(MessageId.of("E-RES-0082"))));
                refused = true;
            }
        }
        return refused ? null : new Entitlements(false, or(form.getNationalHealthInsurance(), false), false, false,
                NationalPensionCategory.NOT_INSURED, or(form.getChildAllowance(), false));
    }

    /** The 資格 after a correction: only the items given change; empty when none is given. */
    private Optional<Entitlements> correctedEntitlements(Entitlements recorded, ResidentKind kind) {
        boolean anyGiven = form.getOnElectoralRoll() != null || form.getNationalHealthInsurance() != null
                || form.getLateStageElderlyMedicalCare() != null || form.getLongTermCareInsurance() != null
                || optional(form.getNationalPension()).isPresent() || form.getChildAllowance() != null;
        return anyGiven ? Optional.of(entitlements(recorded, kind)) : Optional.empty();
    }

    /**
     * Combinations the law rules out: a 後期高齢者医療 insured person leaves the 国民健康保険 (国民健康保険法 6条), and
     * only Japanese nationals are on the 選挙人名簿.
     */
    private Entitlements checked(Entitlements entitlements, ResidentKind kind) {
        if (entitlements.nationalHealthInsurance() && entitlements.lateStageElderlyMedicalCare()) {
            errors.add(new ApiError.FieldError("lateStageElderlyMedicalCare", MESSAGES.text(MessageId.of("E-RES-0079"))));
        }
        if (entitlements.onElectoralRoll() && kind == ResidentKind.FOREIGN) {
            errors.add(new ApiError.FieldError("onElectoralRoll", MESSAGES.text(MessageId.of("E-RES-0080"))));
        }
        return entitlements;
    }

    private Optional<NationalPensionCategory> pension() {
        Optional<String> text = optional(form.getNationalPension());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (NationalPensionCategory category : NationalPensionCategory.values()) {
            if (category.name().equals(text.get()) || category.japanese().equals(text.get())) {
                return Optional.of(category);
            }
        }
        errors.add(new ApiError.FieldError("nationalPension", MESSAGES.text(MessageId.of("E-RES-0081"))));
        return Optional.empty();
    }

    private static boolean or(Boolean given, boolean recorded) {
        return given == null ? recorded : given;
    }

    private PersonName name() {
        String name = optional(form.getName()).orElse(null);
        if (name == null) {
            missing("name", "氏名");
            return null;
        }
        String kana = optional(form.getKana()).orElse("");
        return parse("kana", () -> PersonName.of(name, kana.replace('　', ' ').replaceAll(" +", "　")));
    }

    private Sex sex() {
        String text = optional(form.getSex()).orElse(null);
        if (text == null) {
            missing("sex", "性別");
            return null;
        }
        for (Sex sex : Sex.values()) {
            if (sex.name().equals(text) || sex.japanese().equals(text)) {
                return sex;
            }
        }
        errors.add(new ApiError.FieldError("sex", "性別は 男 または 女 を選んでください。"));
        return null;
    }

    private Relationship relationship(String field) {
        return required(field, "続柄", form.getRelationship(), Relationship::parse);
    }

    private Map<AtenaNumber, Relationship> relationships() {
        Map<AtenaNumber, Relationship> relationships = new LinkedHashMap<>();
        form.getRelationships().forEach((atena, text) -> {
            if (text != null && !text.isBlank()) {
                Relationship relationship = parse("relationships[" + atena + "]", () -> Relationship.parse(text));
                if (relationship != null) {
                    relationships.put(AtenaNumber.migrated(atena), relationship);
                }
            }
        });
        return relationships;
    }

    private Optional<AtenaNumber> newHead() {
        return optional(form.getNewHead()).map(text -> parse("newHead", () -> AtenaNumber.migrated(text)));
    }

    private HouseholdNumber requiredHousehold() {
        return required("household", "世帯番号", form.getHousehold(), HouseholdNumber::migrated);
    }

    private Address address() {
        String text = optional(form.getAddress()).orElse(null);
        PostalCode postalCode = required("postalCode", "郵便番号", form.getPostalCode(), PostalCode::parse);
        if (text == null) {
            missing("address", "住所");
        }
        String district = district();
        return text == null || postalCode == null || district == null ? null
                : new Address(postalCode, text, district, optional(form.getBuildingLine()).orElse(""));
    }

    /**
     * The 行政区 of an address: required, and one of the town's (the standard data_d0101 requires a 行政区コード that
     * data_cyonei holds, so a record without one could not be migrated back). Null, with the field's message, else.
     */
    private String district() {
        Optional<String> code = optional(form.getDistrict());
        if (code.isEmpty()) {
            errors.add(new ApiError.FieldError("district", MESSAGES.text(MessageId.of("E-RES-0083"))));
            return null;
        }
        if (!districtCodes.contains(code.get())) {
            errors.add(new ApiError.FieldError("district", MESSAGES.text(MessageId.of("E-RES-0084"), code.get())));
            return null;
        }
        return code.get();
    }

    private LocalDate date(String field, String label, String text) {
        RecordedDate date = required(field, label, text, RecordedDate::parse);
        if (date == null) {
            return null;
        }
        Optional<LocalDate> day = date.toLocalDate();
        if (day.isEmpty()) {
            errors.add(new ApiError.FieldError(field, MESSAGES.text(MessageId.of("E-RES-0077"), label)));
            return null;
        }
        return day.get();
    }

    private <T> T required(String field, String label, String text, java.util.function.Function<String, T> reader) {
        Optional<String> value = optional(text);
        if (value.isEmpty()) {
            missing(field, label);
            return null;
        }
        return parse(field, () -> reader.apply(value.get()));
    }

    private <T> T parse(String field, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (BusinessException e) {
            errors.add(new ApiError.FieldError(field, e.japaneseMessage()));
            return null;
        } catch (IllegalArgumentException e) {
            errors.add(new ApiError.FieldError(field, MESSAGES.text(MessageId.of("E-RES-0078"))));
            return null;
        }
    }

    private void missing(String field, String label) {
        errors.add(new ApiError.FieldError(field, MESSAGES.text(MessageId.of("E-RES-0070"), label)));
    }

    private static Optional<String> optional(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }
}
