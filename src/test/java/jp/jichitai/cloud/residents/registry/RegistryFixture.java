package jp.jichitai.cloud.residents.registry;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import jp.jichitai.cloud.identity.JichitaiUser;
import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.residents.Address;
import jp.jichitai.cloud.residents.ChangeKind;
import jp.jichitai.cloud.residents.ChangeReceipt;
import jp.jichitai.cloud.residents.ChangeRequest;
import jp.jichitai.cloud.residents.Entitlements;
import jp.jichitai.cloud.residents.FamilyRegister;
import jp.jichitai.cloud.residents.HouseholdNumber;
import jp.jichitai.cloud.residents.IndividualNumber;
import jp.jichitai.cloud.residents.NewResident;
import jp.jichitai.cloud.residents.PersonName;
import jp.jichitai.cloud.residents.PostalCode;
import jp.jichitai.cloud.residents.RecordedDate;
import jp.jichitai.cloud.residents.Relationship;
import jp.jichitai.cloud.residents.ResidentKind;
import jp.jichitai.cloud.residents.Residents;
import jp.jichitai.cloud.residents.Sex;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.TenantContext;

/** Residents made through the service, as a clerk of a town would record them. */
public final class RegistryFixture {

    public static final LocalDate TODAY = LocalDate.now(RegistryService.TOKYO);

    private RegistryFixture() {
    }

    /** Runs work as a signed-in user of a town with the given role. */
    public static <T> T as(TenantCode tenant, Role role, Supplier<T> work) {
        JichitaiUser user = new JichitaiUser("t-" + tenant.value() + "-" + role.code(), "試験", role, Optional.of(tenant),
                "", null, true);
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            return TenantContext.callAs(tenant, work);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    public static <T> T asClerk(TenantCode tenant, Supplier<T> work) {
        return as(tenant, Role.CLERK, work);
    }

    /** A 行政区 that 名寄市 (西1条南) and 士別市 (東1条) both have in their 行政区 table. */
    public static final String DEMO_DISTRICT = "010100";

    /** An address in {@link #DEMO_DISTRICT}: for 名寄市 and 士別市 only (other towns: {@link #address(String, String)}). */
    public static Address address(String text) {
        return address(text, DEMO_DISTRICT);
    }

    public static Address address(String text, String district) {
        return new Address(PostalCode.parse("096-0011"), text, district, "");
    }

    /** A 行政区 of the town bound to the current thread (the first by code), for a town's own fixtures. */
    public static String anyDistrict(Residents residents) {
        return residents.districts().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the town has no 行政区")).code();
    }

    /** A person to move in, living in {@link #DEMO_DISTRICT} (名寄市, 士別市). */
    public static NewResident person(String name, String kana, String birth, Sex sex, Relationship relationship,
            String address) {
        return person(name, kana, birth, sex, relationship, address(address));
    }

    public static NewResident person(String name, String kana, String birth, Sex sex, Relationship relationship,
            Address address) {
        return new NewResident(ResidentKind.JAPANESE, PersonName.of(name, kana), RecordedDate.parse(birth), sex,
                relationship, address, Optional.of("北海道旭川市1条通1丁目"),
                Optional.of(new FamilyRegister("北海道名寄市大通南1丁目1番地", name)), Optional.empty(), Optional.empty(),
                Optional.empty(), Entitlements.none());
    }

    /** A 国内転入 heading a new household, in a 行政区 of the town bound to the current thread. */
    public static ChangeReceipt moveInHead(Residents residents, String name, String kana, String birth, String address) {
        return residents.record(new ChangeRequest.MoveIn(ChangeKind.DOMESTIC_MOVE_IN, TODAY.minusDays(10),
                Optional.of(TODAY.minusDays(5)), person(name, kana, birth, Sex.MALE, Relationship.HOUSEHOLD_HEAD,
                        address(address, anyDistrict(residents))),
                Optional.empty(), OptionalInt.empty()));
    }

    /** A 国内転入 joining a household. */
    public static ChangeReceipt moveInMember(Residents residents, HouseholdNumber household, String name, String kana,
            String birth, Sex sex, String relationship) {
        return residents.record(new ChangeRequest.MoveIn(ChangeKind.DOMESTIC_MOVE_IN, TODAY.minusDays(10),
                Optional.of(TODAY.minusDays(5)),
                person(name, kana, birth, sex, Relationship.parse(relationship), "北海道名寄市（世帯の住所）"),
                Optional.of(household), OptionalInt.empty()));
    }

    public static NewResident withIndividualNumber(NewResident person, String digits) {
        return new NewResident(person.kind(), person.name(), person.birthDate(), person.sex(), person.relationship(),
                person.address(), person.previousAddress(), person.familyRegister(), person.foreignItems(),
                Optional.of(IndividualNumber.of(digits)), person.residentRecordCode(), person.entitlements());
    }
}
