package jp.jichitai.cloud.residents.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import jp.jichitai.cloud.residents.Address;
import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.Change;
import jp.jichitai.cloud.residents.ChangeKind;
import jp.jichitai.cloud.residents.Entitlements;
import jp.jichitai.cloud.residents.FamilyRegister;
import jp.jichitai.cloud.residents.ForeignResidentCategory;
import jp.jichitai.cloud.residents.ForeignResidentItems;
import jp.jichitai.cloud.residents.HistoryEntry;
import jp.jichitai.cloud.residents.HouseholdNumber;
import jp.jichitai.cloud.residents.IndividualNumber;
import jp.jichitai.cloud.residents.PersonName;
import jp.jichitai.cloud.residents.PostalCode;
import jp.jichitai.cloud.residents.RecordedDate;
import jp.jichitai.cloud.residents.Relationship;
import jp.jichitai.cloud.residents.ResidenceCardNumber;
import jp.jichitai.cloud.residents.Resident;
import jp.jichitai.cloud.residents.ResidentHistory;
import jp.jichitai.cloud.residents.ResidentKind;
import jp.jichitai.cloud.residents.ResidentSeeder.SeedHousehold;
import jp.jichitai.cloud.residents.ResidentStatus;
import jp.jichitai.cloud.residents.Sex;

/**
 * 合成住民 (a synthetic population) for the demo towns, tests and benchmarks, deterministic from its seed: common
 * Hokkaido surnames with their readings (a few written 髙橋, 山﨑, 齋藤, 渡邊 ...), households of one to five with
 * their 続柄, about 1% foreign residents, some past moves within the town and some 除票 (転出, 死亡). Realistic
 * enough to search and count, not a statistical model of any town.
 */
final class SyntheticPopulation {

    /** A town to populate: its name, postal code area and 行政区 (code, name). */
    record Town(String name, String postalPrefix, List<String[]> districts) {
    }

    private static final String[][] SURNAMES = {
            {"佐藤", "サトウ", "60"}, {"高橋", "タカハシ", "40"}, {"髙橋", "タカハシ", "4"}, {"佐々木", "ササキ", "38"},
            {"鈴木", "スズキ", "30"}, {"伊藤", "イトウ", "28"}, {"田中", "タナカ", "22"}, {"渡辺", "ワタナベ", "20"},
            {"渡邊", "ワタナベ", "2"}, {"渡邉", "ワタナベ", "2"}, {"斎藤", "サイトウ", "14"}, {"齋藤", "サイトウ", "3"},
            {"斉藤", "サイトウ", "8"}, {"小林", "コバヤシ", "18"}, {"工藤", "クドウ", "16"}, {"加藤", "カトウ", "18"},
            {"吉田", "ヨシダ", "18"}, {"山本", "ヤマモト", "17"}, {"中村", "ナカムラ", "17"}, {"山田", "ヤマダ", "15"},
            {"菅原", "スガワラ", "14"}, {"阿部", "アベ", "14"}, {"木村", "キムラ", "13"}, {"林", "ハヤシ", "10"},
            {"山口", "ヤマグチ", "11"}, {"松本", "マツモト", "11"}, {"村上", "ムラカミ", "10"}, {"山崎", "ヤマザキ", "9"},
            {"山﨑", "ヤマザキ", "2"}, {"石井", "イシイ", "8"}, {"三浦", "ミウラ", "9"}, {"藤田", "フジタ", "8"},
            {"成田", "ナリタ", "8"}, {"千葉", "チバ", "9"}, {"後藤", "ゴトウ", "8"}, {"池田", "イケダ", "8"},
            {"大野", "オオノ", "7"}, {"中川", "ナカガワ", "7"}, {"澤田", "サワダ", "2"}, {"沢田", "サワダ", "5"},
            {"浜田", "ハマダ", "5"}, {"濱田", "ハマダ", "1"}, {"廣瀬", "ヒロセ", "1"}, {"広瀬", "ヒロセ", "4"},
            {"長谷川", "ハセガワ", "7"}, {"小野寺", "オノデラ", "6"}, {"今野", "コンノ", "6"}, {"西村", "ニシムラ", "6"},
            {"太田", "オオタ", "6"}, {"坂本", "サカモト", "6"}, {"近藤", "コンドウ", "6"}, {"野村", "ノムラ", "5"},
            {"嶋田", "シマダ", "1"}, {"島田", "シマダ", "5"}, {"福田", "フクダ", "5"}, {"桜井", "サクライ", "4"}};
    private static final String[][] MALE = {
            {"一郎", "イチロウ"}, {"健太", "ケンタ"}, {"大輔", "ダイスケ"}, {"翔太", "ショウタ"}, {"拓也", "タクヤ"},
            {"浩", "ヒロシ"}, {"誠", "マコト"}, {"茂", "シゲル"}, {"勇", "イサム"}, {"蓮", "レン"}, {"大翔", "ヒロト"},
            {"悠真", "ユウマ"}, {"隆", "タカシ"}, {"修", "オサム"}, {"和夫", "カズオ"}, {"昭", "アキラ"},
            {"正雄", "マサオ"}, {"健一", "ケンイチ"}, {"陽太", "ヨウタ"}, {"湊", "ミナト"}, {"達也", "タツヤ"},
            {"龍之介", "リュウノスケ"}, {"剛", "ツヨシ"}, {"博之", "ヒロユキ"}};
    private static final String[][] FEMALE = {
            {"花子", "ハナコ"}, {"洋子", "ヨウコ"}, {"恵子", "ケイコ"}, {"惠子", "ケイコ"}, {"幸子", "サチコ"},
            {"美咲", "ミサキ"}, {"陽菜", "ヒナ"}, {"結衣", "ユイ"}, {"さくら", "サクラ"}, {"由美", "ユミ"},
            {"直美", "ナオミ"}, {"久美子", "クミコ"}, {"智子", "トモコ"}, {"裕子", "ユウコ"}, {"明美", "アケミ"},
            {"葵", "アオイ"}, {"凛", "リン"}, {"芽依", "メイ"}, {"和子", "カズコ"}, {"節子", "セツコ"},
            {"千尋", "チヒロ"}, {"真由美", "マユミ"}, {"優子", "ユウコ"}, {"美穂", "ミホ"}};
    private static final String[][] FOREIGN = {
            {"ベトナム", "NGUYEN VAN AN", "グエン　ヴァン　アン"}, {"ベトナム", "TRAN THI LAN", "チャン　ティ　ラン"},
            {"中国", "WANG FANG", "ワン　ファン"}, {"中国", "LI WEI", "リー　ウェイ"},
            {"フィリピン", "SANTOS MARIA", "サントス　マリア"}, {"韓国", "KIM MINJUN", "キム　ミンジュン"},
            {"アメリカ合衆国", "SMITH JOHN", "スミス　ジョン"}, {"インドネシア", "SARI DEWI", "サリ　デウィ"}};
    private static final int SURNAME_WEIGHT = java.util.Arrays.stream(SURNAMES).mapToInt(row -> Integer.parseInt(row[2])).sum();

    private final Random random;
    private final Town town;
    private final LocalDate today;
    private long nextAtena;
    private long nextHousehold;

    SyntheticPopulation(long seed, Town town, LocalDate today, long firstAtenaSerial, long firstHouseholdSerial) {
        this.random = new Random(seed);
        this.town = town;
        this.today = today;
        this.nextAtena = firstAtenaSerial;
        this.nextHousehold = firstHouseholdSerial;
    }

    /** Households until at least {@code residents} people are made. */
    List<SeedHousehold> households(int residents) {
        List<SeedHousehold> households = new ArrayList<>();
        int made = 0;
        while (made < residents) {
            SeedHousehold household = nextHousehold(residents - made);
            households.add(household);
            made += household.members().size();
        }
        return households;
    }

    /** One household of at most {@code room} people. */
    SeedHousehold nextHousehold(int room) {
        HouseholdNumber number = HouseholdNumber.issued(nextHousehold++);
        Address address = address();
        Address previous = address();
        boolean moved = random.nextInt(10) == 0;
        boolean movedOut = random.nextInt(50) == 0;
        List<ResidentHistory> members = new ArrayList<>();
        if (random.nextInt(100) == 0) {
            members.add(foreigner(number, address, moved ? previous : null, movedOut));
            return new SeedHousehold(number, members);
        }
        String[] surname = surname();
        int size = Math.min(room, sizeOfHousehold());
        int headAge = 22 + random.nextInt(68);
        Sex headSex = random.nextInt(4) == 0 ? Sex.FEMALE : Sex.MALE;
        FamilyRegister register = new FamilyRegister("北海道" + town.name() + district()[1] + (1 + random.nextInt(30)) + "番地",
                surname[0] + "　" + given(headSex)[0]);
        members.add(japanese(number, surname, headSex, headAge, Relationship.HOUSEHOLD_HEAD, address,
                moved ? previous : null, register, movedOut ? ResidentStatus.MOVED_OUT : ResidentStatus.RESIDENT));
        for (int i = 1; i < size; i++) {
            Relationship relationship;
            Sex sex;
            int age;
            ResidentStatus status = movedOut ? ResidentStatus.MOVED_OUT : ResidentStatus.RESIDENT;
            if (i == 1 && headAge > 24 && random.nextInt(5) > 0) {
                sex = headSex == Sex.MALE ? Sex.FEMALE : Sex.MALE;
                relationship = Relationship.parse(headSex == Sex.MALE ? "妻" : "夫");
                age = Math.max(18, headAge - 3 + random.nextInt(7));
            } else if (headAge > 45 && random.nextInt(8) == 0) {
                sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
                relationship = Relationship.parse(sex == Sex.FEMALE ? "母" : "父");
                age = Math.min(105, headAge + 22 + random.nextInt(10));
                if (!movedOut && random.nextInt(6) == 0) {
                    status = ResidentStatus.DECEASED;
                }
            } else {
                sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
                relationship = Relationship.parse("子");
                age = Math.max(0, headAge - 22 - random.nextInt(18));
            }
            members.add(japanese(number, surname, sex, age, relationship, address, moved ? previous : null, register, status));
        }
        return new SeedHousehold(number, members);
    }

    private ResidentHistory japanese(HouseholdNumber household, String[] surname, Sex sex, int age,
            Relationship relationship, Address address, Address previous, FamilyRegister register, ResidentStatus status) {
        String[] given = given(sex);
        PersonName name = PersonName.of(surname[0] + "　" + given[0], surname[1] + "　" + given[1]);
        Resident.Builder builder = base(household, name, birthDate(age), sex, relationship)
                .kind(ResidentKind.JAPANESE).familyRegister(Optional.of(register))
                .individualNumber(Optional.of(individualNumber()));
        return history(builder, address, previous, status, age);
    }

    private ResidentHistory foreigner(HouseholdNumber household, Address address, Address previous, boolean movedOut) {
        String[] person = FOREIGN[random.nextInt(FOREIGN.length)];
        int age = 20 + random.nextInt(25);
        RecordedDate since = RecordedDate.of(today.minusDays(30 + random.nextInt(2000)));
        ForeignResidentItems items = new ForeignResidentItems(person[0], person[1],
                ForeignResidentCategory.MID_TO_LONG_TERM_RESIDENT, Optional.of(random.nextBoolean() ? "技能実習" : "特定技能"),
                Optional.of("3年"), Optional.of(RecordedDate.of(today.plusDays(30 + random.nextInt(900)))),
                Optional.of(new ResidenceCardNumber(cardNumber())), since);
        Resident.Builder builder = base(household, PersonName.of(person[1], person[2].replace('　', ' ')), birthDate(age),
                random.nextBoolean() ? Sex.MALE : Sex.FEMALE, Relationship.HOUSEHOLD_HEAD)
                .kind(ResidentKind.FOREIGN).foreignItems(Optional.of(items));
        return history(builder, address, previous, movedOut ? ResidentStatus.MOVED_OUT : ResidentStatus.RESIDENT, age);
    }

    private Resident.Builder base(HouseholdNumber household, PersonName name, RecordedDate birth, Sex sex,
            Relationship relationship) {
        return Resident.builder().atenaNumber(AtenaNumber.issued(nextAtena++)).householdNumber(household)
                .status(ResidentStatus.RESIDENT).name(name).birthDate(birth).sex(sex).relationship(relationship)
                .entitlements(Entitlements.none());
    }

    /** First entry: birth or move-in; then perhaps a 転居; then perhaps the 除票. */
    private ResidentHistory history(Resident.Builder builder, Address address, Address previous, ResidentStatus status,
            int age) {
        List<HistoryEntry> entries = new ArrayList<>();
        LocalDate entered = today.minusDays(random.nextInt(Math.max(1, Math.min(age, 40)) * 365 + 1) + 400);
        RecordedDate enteredOn = RecordedDate.of(entered);
        Address first = previous != null ? previous : address;
        Resident initial = builder.address(first).becameResidentOn(enteredOn).addressSettledOn(enteredOn)
                .previousAddress(Optional.of("北海道旭川市" + (1 + random.nextInt(9)) + "条通" + (1 + random.nextInt(20)) + "丁目"))
                .changedOn(entered).notifiedOn(Optional.of(entered)).build();
        entries.add(new HistoryEntry(1, Change.notified(ChangeKind.DOMESTIC_MOVE_IN, entered, entered), initial));
        if (previous != null) {
            LocalDate moved = entered.plusDays(1 + random.nextInt(300));
            Resident next = initial.toBuilder().address(address).addressSettledOn(RecordedDate.of(moved))
                    .changedOn(moved).notifiedOn(Optional.of(moved)).build();
            entries.add(new HistoryEntry(2, Change.notified(ChangeKind.MOVE_WITHIN_MUNICIPALITY, moved, moved), next));
        }
        if (status != ResidentStatus.RESIDENT) {
            LocalDate removed = today.minusDays(1 + random.nextInt(200));
            ChangeKind kind = status == ResidentStatus.DECEASED ? ChangeKind.DEATH : ChangeKind.DOMESTIC_MOVE_OUT;
            Resident last = entries.get(entries.size() - 1).snapshot().toBuilder().status(status).changedOn(removed)
                    .notifiedOn(Optional.of(removed)).build();
            entries.add(new HistoryEntry(entries.size() + 1, Change.notified(kind, removed, removed), last));
        }
        return ResidentHistory.reconstitute(entries);
    }

    private RecordedDate birthDate(int age) {
        LocalDate born = today.minusYears(age).minusDays(random.nextInt(365));
        if (random.nextInt(500) == 0) {
            return RecordedDate.of(born.getYear(), born.getMonthValue(), 0);
        }
        return RecordedDate.of(born);
    }

    private Address address() {
        String[] district = district();
        boolean blocks = district[1].contains("条") || district[1].contains("通");
        String text = "北海道" + town.name() + district[1] + (blocks ? (1 + random.nextInt(9)) + "丁目" : "")
                + (1 + random.nextInt(60)) + "番地" + (random.nextInt(3) == 0 ? (1 + random.nextInt(20)) : "");
        String building = random.nextInt(6) == 0 ? "コーポ" + district[1] + " " + (101 + random.nextInt(4) * 100 + random.nextInt(6)) + "号室" : "";
        return new Address(new PostalCode(town.postalPrefix() + String.format("%04d", random.nextInt(100))), text,
                district[0], building);
    }

    private String[] district() {
        return town.districts().get(random.nextInt(town.districts().size()));
    }

    private String[] surname() {
        int pick = random.nextInt(SURNAME_WEIGHT);
        for (String[] row : SURNAMES) {
            pick -= Integer.parseInt(row[2]);
            if (pick < 0) {
                return row;
            }
        }
        return SURNAMES[0];
    }

    private String[] given(Sex sex) {
        String[][] names = sex == Sex.MALE ? MALE : FEMALE;
        return names[random.nextInt(names.length)];
    }

    private int sizeOfHousehold() {
        int roll = random.nextInt(100);
        return roll < 35 ? 1 : roll < 65 ? 2 : roll < 82 ? 3 : roll < 94 ? 4 : 5;
    }

    private IndividualNumber individualNumber() {
        StringBuilder digits = new StringBuilder();
        digits.append(1 + random.nextInt(9));
        for (int i = 0; i < 10; i++) {
            digits.append(random.nextInt(10));
        }
        return IndividualNumber.of(digits.toString() + IndividualNumber.checkDigitOf(digits.toString()));
    }

    private String cardNumber() {
        StringBuilder card = new StringBuilder();
        card.append((char) ('A' + random.nextInt(26))).append((char) ('A' + random.nextInt(26)));
        for (int i = 0; i < 8; i++) {
            card.append(random.nextInt(10));
        }
        card.append((char) ('A' + random.nextInt(26))).append((char) ('A' + random.nextInt(26)));
        return card.toString();
    }

    int sizeOf(SeedHousehold household) {
        return household.members().size();
    }
}
