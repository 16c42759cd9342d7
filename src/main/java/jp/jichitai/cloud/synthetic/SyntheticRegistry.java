package jp.jichitai.cloud.synthetic;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import jp.jichitai.cloud.migrationformat.Layout;
import jp.jichitai.cloud.migrationformat.Layouts;
import jp.jichitai.cloud.migrationformat.IndividualNumbers;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.synthetic.internal.NameBook;
import jp.jichitai.cloud.synthetic.internal.TenantGeography;

/**
 * 合成住民 (synthetic residents) of one tenant, generated household by household from a seed: the same
 * tenant, seed and size always give the same population, and households are produced one at a time so
 * that a million residents need no more memory than one household.
 *
 * <p>The population looks like a small Hokkaido town: an ageing age structure, households by age
 * composition with proper 続柄 (世帯主, 妻, 子, 子の妻, 子の子, 母), about 1% foreign residents (with
 * 国籍, 在留資格, 30条の45区分, and the former alien registration for those here before July 2012),
 * history snapshots (転居, 世帯主変更), 除票 (死亡, 国内転出), several income years, and the things real
 * data holds: 髙/﨑 in both CP932 codes, a few 外字, 不詳日 ({@code 19450000}) and impossible dates
 * ({@code 19230229}).
 */
public final class SyntheticRegistry {

    /** The date the population describes: nothing happens after it. */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2024, 4, 1);

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final LocalDate FOREIGN_RESIDENT_LAW = LocalDate.of(2012, 7, 9);

    private final TenantCode tenant;
    private final long seed;
    private final LocalDate asOf;
    private final Layout residentLayout;
    private final Layout legacyLayout;
    private final Layout incomeLayout;
    private final List<District> districts;
    private final String municipality;

    private SyntheticRegistry(TenantCode tenant, long seed, LocalDate asOf) {
        this.tenant = tenant;
        this.seed = seed;
        this.asOf = asOf;
        Layouts layouts = Layouts.version(Layouts.DEFAULT_VERSION);
        residentLayout = layouts.layout("data_d0101");
        legacyLayout = layouts.layout("data_d0301");
        incomeLayout = layouts.layout("data_d0603");
        districts = TenantGeography.districtsOf(tenant);
        municipality = TenantGeography.municipalityOf(tenant);
    }

    public static SyntheticRegistry of(TenantCode tenant, long seed) {
        return new SyntheticRegistry(tenant, seed, DEFAULT_AS_OF);
    }

    public static SyntheticRegistry of(TenantCode tenant, long seed, LocalDate asOf) {
        return new SyntheticRegistry(tenant, seed, asOf);
    }

    public TenantCode tenant() {
        return tenant;
    }

    /** The tenant's districts (data_cyonei.csv). */
    public List<District> districts() {
        return districts;
    }

    /** Households until exactly {@code residents} current residents exist (除票 persons come on top). */
    public Iterator<SyntheticHousehold> households(long residents) {
        return new HouseholdIterator(residents);
    }

    /** Every generated person, household after household. */
    public Stream<SyntheticPerson> persons(long residents) {
        Iterator<SyntheticHousehold> households = households(residents);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(households, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .flatMap(household -> household.members().stream());
    }

    /** A number with a modulus-11 check digit, weights 2–7 from the right (r ≤ 1 gives 0), as the registry issues. */
    static String withCheckDigit(long number) {
        String digits = Long.toString(number);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(digits.length() - 1 - i) - '0') * (i % 6 + 2);
        }
        int remainder = sum % 11;
        return digits + (remainder <= 1 ? 0 : 11 - remainder);
    }

    private final class HouseholdIterator implements Iterator<SyntheticHousehold> {
        private final long residents;
        private long generated;
        private long householdIndex;
        private long nextPerson = 100_000_000L;

        HouseholdIterator(long residents) {
            this.residents = residents;
        }

        @Override
        public boolean hasNext() {
            return generated < residents;
        }

        @Override
        public SyntheticHousehold next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            long index = householdIndex++;
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + tenant.hashCode());
            HouseholdPlan plan = new HouseholdPlan(random, withCheckDigit(500_000_000L + index), residents - generated);
            List<SyntheticPerson> members = new ArrayList<>();
            for (Member member : plan.members) {
                member.addressNumber = withCheckDigit(nextPerson++);
            }
            for (Member member : plan.members) {
                members.add(plan.person(member));
            }
            SyntheticHousehold household = new SyntheticHousehold(plan.householdNumber, members);
            generated += household.currentResidents();
            return household;
        }
    }

    /** A person while the household is being planned. */
    private static final class Member {
        String addressNumber;
        String family;
        String familyKana;
        String given;
        String givenKana;
        LocalDate birth;
        String recordedBirth;
        int sex;
        String relationship;
        boolean bornHere;
        LocalDate arrival;
        String removal;
        LocalDate removalDate;
        boolean becomesHead;
        NameBook.ForeignName foreign;
        boolean specialPermanent;
        String residenceStatus = "";
        String alias = "";
        String aliasKana = "";
        int dependents;

        String fullName() {
            if (family.isEmpty()) {
                return foreign.familyAlphabet() + " " + foreign.givenAlphabet();
            }
            return given.isEmpty() ? family : family + "　" + given;
        }
    }

    /** One household: who lives in it, where, and what happened to it. */
    private final class HouseholdPlan {
        final SplittableRandom random;
        final String householdNumber;
        final List<Member> members = new ArrayList<>();
        final District district;
        final String address;
        final String building;
        final District formerDistrict;
        final String formerAddress;
        final LocalDate relocation;
        final boolean alternativeCodes;
        Member head;

        HouseholdPlan(SplittableRandom random, String householdNumber, long residentsLeft) {
            this.random = random;
            this.householdNumber = householdNumber;
            district = districts.get(random.nextInt(districts.size()));
            address = addressIn(district);
            building = random.nextInt(5) == 0 ? "コーポ" + district.name().charAt(0) + "　" + (101 + random.nextInt(3) * 100 + random.nextInt(6)) + "号室" : "";
            boolean relocated = random.nextInt(4) == 0;
            formerDistrict = relocated ? districts.get(random.nextInt(districts.size())) : district;
            formerAddress = relocated ? addressIn(formerDistrict) : address;
            relocation = relocated ? date(2005, 2020) : null;
            compose(residentsLeft);
            alternativeCodes = members.stream().anyMatch(m -> m.family.contains("髙") || m.family.contains("﨑")) && random.nextBoolean();
        }

        private String addressIn(District place) {
            if (place.hasBlocks()) {
                return place.addressPrefix() + TenantGeography.fullWidth(1 + random.nextInt(12)) + "丁目" + TenantGeography.fullWidth(1 + random.nextInt(30)) + "番地";
            }
            return place.addressPrefix() + TenantGeography.fullWidth(1 + random.nextInt(900)) + "番地" + (random.nextInt(3) == 0 ? "の" + TenantGeography.fullWidth(1 + random.nextInt(20)) : "");
        }

        private LocalDate date(int fromYear, int toYear) {
            LocalDate from = LocalDate.of(fromYear, 1, 1);
            long days = ChronoUnit.DAYS.between(from, LocalDate.of(toYear, 12, 31));
            LocalDate result = from.plusDays(random.nextLong(days + 1));
            return result.isAfter(asOf) ? asOf.minusDays(1 + random.nextInt(30)) : result;
        }

        /** A date from January of {@code fromYear}, after {@code after}, not after the as-of date. */
        private LocalDate dateAfter(LocalDate after, int fromYear) {
            LocalDate from = after.plusDays(30);
            if (from.getYear() < fromYear) {
                from = LocalDate.of(fromYear, 1, 1);
            }
            if (!from.isBefore(asOf)) {
                return asOf;
            }
            return from.plusDays(random.nextLong(ChronoUnit.DAYS.between(from, asOf)));
        }

        private Member person(NameBook.Name surname, int age, int sex, String relationship) {
            Member m = new Member();
            m.family = surname.kanji();
            m.familyKana = surname.kana();
            m.birth = asOf.minusYears(age).minusDays(1 + random.nextInt(364));
            m.recordedBirth = m.birth.format(DATE);
            if (m.birth.getYear() < 1950) {
                int odd = random.nextInt(1000);
                if (odd < 2) {
                    m.recordedBirth = m.birth.getYear() + "0000";
                } else if (odd < 3) {
                    int year = m.birth.getYear() % 4 == 0 ? m.birth.getYear() - 1 : m.birth.getYear();
                    m.recordedBirth = year + "0229";
                }
            }
            m.sex = sex;
            NameBook.Name given = NameBook.givenName(random, m.birth.getYear(), sex);
            m.given = given.kanji();
            m.givenKana = given.kana();
            if (random.nextInt(2000) == 0) {
                m.given = (char) (0xE000 + random.nextInt(0x758)) + m.given.substring(1);
            }
            m.relationship = relationship;
            m.bornHere = age < 18 ? random.nextInt(10) < 8 : random.nextInt(10) < 3;
            LocalDate earliest = m.birth.plusYears(Math.min(age, 18));
            m.arrival = m.bornHere ? m.birth : date(Math.max(1970, earliest.getYear()), asOf.getYear());
            if (m.arrival.isBefore(m.birth)) {
                m.arrival = m.birth;
            }
            members.add(m);
            return m;
        }

        private int adultAge(int from, int to) {
            return from + random.nextInt(to - from + 1);
        }

        private void compose(long residentsLeft) {
            if (random.nextInt(1000) < 20) {
                composeForeign(residentsLeft);
                return;
            }
            NameBook.Name surname = NameBook.surname(random);
            int kind = random.nextInt(100);
            if (residentsLeft == 1 || kind < 17) {
                int age = adultAge(65, 96);
                head = person(surname, age, random.nextInt(10) < 7 ? 2 : 1, "世帯主");
            } else if (kind < 33) {
                head = person(surname, adultAge(19, 64), 1 + random.nextInt(2), "世帯主");
            } else if (kind < 50) {
                int age = adultAge(65, 92);
                head = person(surname, age, 1, "世帯主");
                Member wife = person(surname, Math.max(60, age - random.nextInt(6)), 2, "妻");
                if (residentsLeft > 2 && random.nextInt(100) < 15) {
                    head.removal = "死亡";
                    head.removalDate = dateAfter(head.arrival, 2021);
                    if (!wife.arrival.isBefore(head.removalDate)) {
                        wife.bornHere = false;
                        wife.arrival = head.arrival.isAfter(wife.birth.plusYears(18)) ? head.arrival : wife.birth.plusYears(18);
                    }
                    wife.becomesHead = wife.arrival.isBefore(head.removalDate);
                    if (!wife.becomesHead) {
                        head.removal = null;
                        head.removalDate = null;
                    }
                }
            } else if (kind < 60) {
                int age = adultAge(22, 64);
                head = person(surname, age, 1, "世帯主");
                person(surname, Math.max(20, age - random.nextInt(5)), 2, random.nextInt(30) == 0 ? "妻（未届）" : "妻");
            } else if (kind < 82) {
                int age = adultAge(28, 55);
                head = person(surname, age, 1, "世帯主");
                person(surname, Math.max(24, age - random.nextInt(5)), 2, "妻");
                int children = 1 + random.nextInt(3);
                for (int i = 0; i < children && members.size() < residentsLeft; i++) {
                    person(surname, Math.max(0, Math.min(age - 22, 1 + random.nextInt(20))), 1 + random.nextInt(2), "子");
                }
                if (residentsLeft > members.size() && random.nextInt(10) == 0) {
                    Member leaver = person(surname, Math.max(18, age - 24), 1 + random.nextInt(2), "子");
                    leaver.removal = "国内転出";
                    leaver.removalDate = dateAfter(leaver.arrival, 2019);
                }
            } else if (kind < 87) {
                int age = adultAge(25, 50);
                head = person(surname, age, random.nextInt(10) < 8 ? 2 : 1, "世帯主");
                for (int i = 0; i < 1 + random.nextInt(2) && members.size() < residentsLeft; i++) {
                    person(surname, Math.max(0, Math.min(age - 20, random.nextInt(18))), 1 + random.nextInt(2), "子");
                }
            } else if (kind < 93) {
                int age = adultAge(58, 72);
                head = person(surname, age, 1, "世帯主");
                person(surname, age - random.nextInt(4), 2, "妻");
                int sonAge = age - 26 - random.nextInt(6);
                if (members.size() < residentsLeft) {
                    person(surname, sonAge, 1, "子");
                }
                if (members.size() < residentsLeft) {
                    person(surname, sonAge - random.nextInt(4), 2, "子の妻");
                }
                for (int i = 0; i < 1 + random.nextInt(2) && members.size() < residentsLeft; i++) {
                    person(surname, random.nextInt(Math.max(1, sonAge - 22)), 1 + random.nextInt(2), "子の子");
                }
            } else if (kind < 97) {
                int age = adultAge(45, 65);
                head = person(surname, age, 1, "世帯主");
                person(surname, age - random.nextInt(5), 2, "妻");
                if (members.size() < residentsLeft) {
                    person(surname, Math.min(100, age + 25 + random.nextInt(8)), 2, "母");
                }
            } else {
                int age = adultAge(50, 70);
                head = person(surname, age, 1, "世帯主");
                person(surname, age - random.nextInt(5), 2, "妻");
                if (members.size() < residentsLeft) {
                    person(surname, age - 25 - random.nextInt(6), 1 + random.nextInt(2), "子");
                }
            }
        }

        private void composeForeign(long residentsLeft) {
            boolean special = random.nextInt(4) == 0;
            NameBook.ForeignName name = NameBook.foreignName(random, special);
            int age = special ? adultAge(55, 90) : adultAge(20, 45);
            NameBook.Name surname = new NameBook.Name(name.familyKanji(), name.familyKana());
            head = person(surname, age, 1 + random.nextInt(2), "世帯主");
            foreigner(head, name, special);
            if (!special && residentsLeft > 1 && random.nextInt(4) == 0) {
                Member spouse = person(surname, Math.max(20, age - random.nextInt(5)), head.sex == 1 ? 2 : 1, head.sex == 1 ? "妻" : "夫");
                foreigner(spouse, NameBook.foreignName(random, false), false);
                spouse.family = head.family;
                spouse.familyKana = head.familyKana;
            }
        }

        private void foreigner(Member m, NameBook.ForeignName name, boolean special) {
            m.foreign = name;
            m.specialPermanent = special;
            m.given = name.givenKanji();
            m.givenKana = name.givenKana();
            m.bornHere = special && random.nextBoolean();
            m.arrival = special ? (m.bornHere ? m.birth : date(1970, 1995)) : date(2008, asOf.getYear());
            if (m.arrival.isBefore(m.birth)) {
                m.arrival = m.birth;
            }
            if (special) {
                m.residenceStatus = "";
                m.alias = List.of("金田", "新井", "木下", "松山").get(random.nextInt(4)) + "　" + (m.sex == 1 ? "正男" : "英子");
                m.aliasKana = "";
            } else {
                m.residenceStatus = List.of("技能実習", "特定技能", "永住者", "技術・人文知識・国際業務", "日本人の配偶者等", "留学")
                        .get(random.nextInt(6));
            }
        }

        SyntheticPerson person(Member m) {
            List<SyntheticRow> history = new ArrayList<>();
            String headName = head.fullName();
            boolean relocated = relocation != null && relocation.isAfter(m.arrival) && (m.removalDate == null || relocation.isBefore(m.removalDate));
            SyntheticRow first = snapshot(m, 1, relocated ? formerDistrict : district, relocated ? formerAddress : address, headName);
            first.set("異動事由", m.bornHere ? "出生" : m.foreign != null && !m.specialPermanent ? "国外転入" : "国内転入")
                    .set("異動年月日", m.arrival.format(DATE))
                    .set("住定日", m.arrival.format(DATE))
                    .set("届出年月日", processed(m.arrival))
                    .set("処理年月日", processed(m.arrival))
                    .set("転入前住所", m.bornHere || m.foreign != null ? "" : NameBook.formerAddresses().get(random.nextInt(10)));
            history.add(first);
            SyntheticRow last = first;
            if (relocated) {
                last = new SyntheticRow(last).set("履歴番号", "2").set("行政区コード", district.code()).set("住所", address)
                        .set("郵便番号", district.postalCode()).set("方書", building)
                        .set("異動事由", "転居").set("異動年月日", relocation.format(DATE)).set("住定日", relocation.format(DATE))
                        .set("届出年月日", relocation.format(DATE)).set("処理年月日", processed(relocation)).set("転入前住所", "");
                history.add(last);
            }
            if (m.becomesHead && head.removalDate != null) {
                last = new SyntheticRow(last).set("履歴番号", Integer.toString(history.size() + 1)).set("続柄", "世帯主")
                        .set("世帯主氏名", m.fullName()).set("異動事由", "世帯主変更")
                        .set("異動年月日", head.removalDate.format(DATE)).set("届出年月日", head.removalDate.format(DATE))
                        .set("処理年月日", processed(head.removalDate));
                history.add(last);
            }
            if (m.removal != null) {
                last = new SyntheticRow(last).set("履歴番号", Integer.toString(history.size() + 1))
                        .set("住民状態", m.removal.equals("死亡") ? "3" : "2").set("異動事由", m.removal).set("消除事由", m.removal)
                        .set("異動年月日", m.removalDate.format(DATE)).set("届出年月日", m.removalDate.format(DATE))
                        .set("処理年月日", processed(m.removalDate))
                        .set("転出先住所", m.removal.equals("国内転出") ? "北海道札幌市" + List.of("北区", "中央区", "東区", "豊平区").get(random.nextInt(4)) + "北" + TenantGeography.fullWidth(1 + random.nextInt(40)) + "条西" + TenantGeography.fullWidth(1 + random.nextInt(15)) + "丁目" : "");
                history.add(last);
            }
            return new SyntheticPerson(m.addressNumber, history, incomes(m), legacy(m, headName), alternativeCodes);
        }

        private String processed(LocalDate date) {
            LocalDate result = date.plusDays(random.nextInt(3));
            return (result.isAfter(asOf) ? asOf : result).format(DATE);
        }

        private SyntheticRow snapshot(Member m, int historyNumber, District place, String placeAddress, String headName) {
            int age = (int) ChronoUnit.YEARS.between(m.birth, asOf);
            boolean japanese = m.foreign == null;
            SyntheticRow row = new SyntheticRow(residentLayout)
                    .set("宛名番号", m.addressNumber).set("履歴番号", Integer.toString(historyNumber)).set("世帯番号", householdNumber)
                    .set("住民種別", japanese ? "1" : "2").set("住民状態", "1")
                    .set("氏", m.family).set("名", m.given).set("氏フリガナ", m.familyKana).set("名フリガナ", m.givenKana)
                    .set("生年月日", m.recordedBirth).set("性別", Integer.toString(m.sex)).set("続柄", m.relationship)
                    .set("世帯主氏名", headName)
                    .set("住民となった年月日", m.arrival.format(DATE))
                    .set("行政区コード", place.code()).set("住所", placeAddress).set("方書", building).set("郵便番号", place.postalCode())
                    .set("個人番号", individualNumber())
                    .set("住民票コード", String.format("%011d", random.nextLong(100_000_000_000L)))
                    .set("選挙人名簿登録", japanese && age >= 18 ? "1" : "0")
                    .set("国保", age >= 65 && age < 75 || random.nextInt(4) == 0 ? "1" : "0")
                    .set("後期高齢", age >= 75 ? "1" : "0")
                    .set("介護", age >= 65 ? "1" : "0")
                    .set("国民年金種別", age >= 20 && age < 60 ? Integer.toString(1 + random.nextInt(3)) : "")
                    .set("児童手当", age < 15 ? "1" : "0");
            if (japanese) {
                row.set("本籍", municipality + districts.get(random.nextInt(districts.size())).name() + TenantGeography.fullWidth(1 + random.nextInt(50)) + "番地")
                        .set("筆頭者", head.foreign == null ? head.fullName() : m.fullName());
            } else {
                NameBook.ForeignName name = m.foreign;
                row.set("国籍・地域", name.nationality())
                        .set("アルファベット氏名", name.familyAlphabet() + " " + name.givenAlphabet())
                        .set("30条の45区分", m.specialPermanent ? "特別永住者" : "中長期在留者")
                        .set("在留資格", m.residenceStatus)
                        .set("外国人住民となった年月日", (m.arrival.isBefore(FOREIGN_RESIDENT_LAW) ? FOREIGN_RESIDENT_LAW : m.arrival).format(DATE))
                        .set("在留カード等番号", cardNumber());
                if (random.nextBoolean()) {
                    row.set("通称", m.alias).set("通称フリガナ", m.aliasKana);
                }
                if (!m.specialPermanent && !m.residenceStatus.equals("永住者")) {
                    int years = 1 + random.nextInt(5);
                    row.set("在留期間", years + "年").set("在留期間満了日", asOf.plusYears(years).minusDays(random.nextInt(300)).format(DATE));
                }
            }
            return row;
        }

        private String individualNumber() {
            String eleven = String.format("%011d", random.nextLong(100_000_000_000L));
            return eleven + IndividualNumbers.checkDigitOf(eleven);
        }

        private String cardNumber() {
            String letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
            return "" + letters.charAt(random.nextInt(letters.length())) + letters.charAt(random.nextInt(letters.length()))
                    + String.format("%08d", random.nextInt(100_000_000)) + letters.charAt(random.nextInt(letters.length()))
                    + letters.charAt(random.nextInt(letters.length()));
        }

        private List<SyntheticRow> incomes(Member m) {
            List<SyntheticRow> rows = new ArrayList<>();
            for (int year = asOf.getYear() - 2; year <= asOf.getYear(); year++) {
                int age = year - m.birth.getYear();
                boolean gone = m.removalDate != null && m.removalDate.getYear() < year;
                if (age < 18 || gone || m.arrival.getYear() >= year || random.nextInt(100) >= 85) {
                    continue;
                }
                long salary = age < 65 && random.nextInt(10) < 8 ? 1_500_000 + random.nextInt(55) * 100_000L : 0;
                long pension = age >= 63 ? 600_000 + random.nextInt(25) * 100_000L : 0;
                long total = Math.max(0, salary - Math.max(550_000, salary * 3 / 10)) + Math.max(0, pension - 1_100_000);
                int dependents = m == head ? random.nextInt(4) : 0;
                long taxable = Math.max(0, total - 430_000 - 330_000L * dependents - total / 7) / 1000 * 1000;
                long incomeLevy = taxable / 10 / 100 * 100;
                String taxClass = total <= 450_000 ? "2" : incomeLevy == 0 ? "1" : "0";
                long perCapita = taxClass.equals("2") ? 0 : 5_000;
                rows.add(new SyntheticRow(incomeLayout).set("宛名番号", m.addressNumber).set("課税年度", Integer.toString(year))
                        .set("総所得金額", Long.toString(total)).set("合計所得金額", Long.toString(total))
                        .set("課税標準額", Long.toString(taxable)).set("所得割額", Long.toString(taxClass.equals("2") ? 0 : incomeLevy))
                        .set("均等割額", Long.toString(perCapita)).set("課税区分", taxClass).set("扶養人数", Integer.toString(dependents))
                        .set("給与収入", salary > 0 ? Long.toString(salary) : "").set("年金収入", pension > 0 ? Long.toString(pension) : "")
                        .set("更新年月日", year + "0601"));
            }
            return rows;
        }

        private List<SyntheticRow> legacy(Member m, String headName) {
            if (m.foreign == null || !m.arrival.isBefore(FOREIGN_RESIDENT_LAW)) {
                return List.of();
            }
            NameBook.ForeignName name = m.foreign;
            SyntheticRow row = new SyntheticRow(legacyLayout).set("宛名番号", m.addressNumber)
                    .set("登録番号", String.format("N%08d", random.nextInt(100_000_000)))
                    .set("登録年月日", m.arrival.format(DATE))
                    .set("アルファベット氏名", name.familyAlphabet() + " " + name.givenAlphabet())
                    .set("漢字氏名", name.familyKanji() + name.givenKanji())
                    .set("生年月日", m.recordedBirth).set("性別", Integer.toString(m.sex)).set("国籍", name.nationality())
                    .set("居住地", address).set("世帯主氏名", headName).set("世帯主との続柄", m.relationship)
                    .set("在留資格", m.specialPermanent ? "特別永住者" : m.residenceStatus)
                    .set("通称", m.alias);
            if (!m.specialPermanent) {
                row.set("旅券番号", String.format("P%07d", random.nextInt(10_000_000))).set("上陸許可年月日", m.arrival.format(DATE))
                        .set("在留期間", "3年");
            }
            return List.of(row);
        }
    }
}
