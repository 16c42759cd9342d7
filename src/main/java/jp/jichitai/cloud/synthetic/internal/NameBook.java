package jp.jichitai.cloud.synthetic.internal;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Names common in Hokkaido with their readings: surnames weighted by frequency (佐藤, 高橋, 佐々木...,
 * with the variants 髙橋, 山﨑, 渡邊, 齋藤 that real registers hold), given names by birth period and sex.
 */
public final class NameBook {

    /** A name and its reading in full-width katakana. */
    public record Name(String kanji, String kana) {
    }

    /** A foreign resident's name: alphabet form, katakana reading, optional kanji. */
    public record ForeignName(String nationality, String familyAlphabet, String familyKana, String familyKanji,
            String givenAlphabet, String givenKana, String givenKanji) {
    }

    private static final Object[][] SURNAMES = {
        {"佐藤", "サトウ", 30}, {"高橋", "タカハシ", 20}, {"佐々木", "ササキ", 18}, {"鈴木", "スズキ", 14}, {"伊藤", "イトウ", 12},
        {"田中", "タナカ", 11}, {"渡辺", "ワタナベ", 10}, {"斎藤", "サイトウ", 8}, {"工藤", "クドウ", 8}, {"菊地", "キクチ", 7},
        {"吉田", "ヨシダ", 9}, {"山本", "ヤマモト", 9}, {"小林", "コバヤシ", 8}, {"中村", "ナカムラ", 8}, {"加藤", "カトウ", 8},
        {"山田", "ヤマダ", 6}, {"松本", "マツモト", 6}, {"阿部", "アベ", 7}, {"木村", "キムラ", 7}, {"村上", "ムラカミ", 6},
        {"三浦", "ミウラ", 6}, {"斉藤", "サイトウ", 4}, {"藤田", "フジタ", 5}, {"石川", "イシカワ", 5}, {"清水", "シミズ", 4},
        {"千葉", "チバ", 5}, {"成田", "ナリタ", 4}, {"小野", "オノ", 4}, {"池田", "イケダ", 4}, {"森", "モリ", 4},
        {"長谷川", "ハセガワ", 4}, {"今野", "コンノ", 3}, {"武田", "タケダ", 3}, {"太田", "オオタ", 3}, {"坂本", "サカモト", 3},
        {"髙橋", "タカハシ", 3}, {"山﨑", "ヤマザキ", 2}, {"宮﨑", "ミヤザキ", 1}, {"岩﨑", "イワサキ", 1}, {"渡邊", "ワタナベ", 1},
        {"齋藤", "サイトウ", 1}, {"菊池", "キクチ", 3}, {"及川", "オイカワ", 2}, {"畠山", "ハタケヤマ", 2}, {"大西", "オオニシ", 2},
    };

    private static final String[][][] GIVEN = {
        // [period][sex 0 male, 1 female] as "漢字:カナ"
        {{"勇:イサム", "清:キヨシ", "茂:シゲル", "博:ヒロシ", "正:タダシ", "実:ミノル", "進:ススム", "武:タケシ", "三郎:サブロウ", "正雄:マサオ"},
         {"幸子:サチコ", "和子:カズコ", "節子:セツコ", "洋子:ヨウコ", "恵子:ケイコ", "文子:フミコ", "美代子:ミヨコ", "キヨ:キヨ", "ハル:ハル", "トシ子:トシコ"}},
        {{"誠:マコト", "浩:ヒロシ", "健一:ケンイチ", "和也:カズヤ", "隆:タカシ", "修:オサム", "哲也:テツヤ", "聡:サトシ", "剛:ツヨシ", "秀樹:ヒデキ"},
         {"久美子:クミコ", "由美子:ユミコ", "真由美:マユミ", "恵美:エミ", "智子:トモコ", "裕子:ユウコ", "直美:ナオミ", "明美:アケミ", "順子:ジュンコ", "京子:キョウコ"}},
        {{"大輔:ダイスケ", "直樹:ナオキ", "翔太:ショウタ", "拓也:タクヤ", "健太:ケンタ", "達也:タツヤ", "雄太:ユウタ", "亮:リョウ", "翔:ショウ", "大樹:ダイキ"},
         {"愛:アイ", "彩:アヤ", "麻衣:マイ", "舞:マイ", "美穂:ミホ", "沙織:サオリ", "千尋:チヒロ", "香織:カオリ", "美咲:ミサキ", "優子:ユウコ"}},
        {{"蓮:レン", "大翔:ヒロト", "悠真:ユウマ", "陽翔:ハルト", "湊:ミナト", "颯太:ソウタ", "悠斗:ユウト", "蒼:アオイ", "樹:イツキ", "律:リツ"},
         {"陽菜:ヒナ", "結衣:ユイ", "美咲:ミサキ", "さくら:サクラ", "葵:アオイ", "凛:リン", "結菜:ユイナ", "芽依:メイ", "紬:ツムギ", "莉子:リコ"}},
    };

    private static final ForeignName[] FOREIGN = {
        new ForeignName("ベトナム", "NGUYEN", "グエン", "", "VAN AN", "ヴァン　アン", ""),
        new ForeignName("ベトナム", "TRAN", "チャン", "", "THI HOA", "ティ　ホア", ""),
        new ForeignName("ベトナム", "PHAM", "ファム", "", "DUC MINH", "ドゥック　ミン", ""),
        new ForeignName("ベトナム", "LE", "レ", "", "THI LAN", "ティ　ラン", ""),
        new ForeignName("フィリピン", "SANTOS", "サントス", "", "MARIA CRUZ", "マリア　クルス", ""),
        new ForeignName("フィリピン", "REYES", "レイエス", "", "JOSE", "ホセ", ""),
        new ForeignName("中国", "WANG", "ワン", "王", "WEI", "ウェイ", "偉"),
        new ForeignName("中国", "LI", "リ", "李", "FANG", "ファン", "芳"),
        new ForeignName("中国", "ZHANG", "チャン", "張", "JING", "ジン", "静"),
        new ForeignName("韓国", "KIM", "キム", "金", "YOUNGJA", "ヨンジャ", "英子"),
        new ForeignName("韓国", "PARK", "パク", "朴", "JUNGNAM", "ジョンナム", "正男"),
        new ForeignName("米国", "SMITH", "スミス", "", "JOHN", "ジョン", ""),
        new ForeignName("インドネシア", "SETIAWAN", "セティアワン", "", "BUDI", "ブディ", ""),
    };

    private static final int SURNAME_WEIGHT;

    static {
        int total = 0;
        for (Object[] surname : SURNAMES) {
            total += (Integer) surname[2];
        }
        SURNAME_WEIGHT = total;
    }

    private NameBook() {
    }

    public static Name surname(SplittableRandom random) {
        int pick = random.nextInt(SURNAME_WEIGHT);
        for (Object[] surname : SURNAMES) {
            pick -= (Integer) surname[2];
            if (pick < 0) {
                return new Name((String) surname[0], (String) surname[1]);
            }
        }
        throw new IllegalStateException();
    }

    /** A given name fitting the birth year and sex (1 male, 2 female). */
    public static Name givenName(SplittableRandom random, int birthYear, int sex) {
        int period = birthYear < 1950 ? 0 : birthYear < 1980 ? 1 : birthYear < 2000 ? 2 : 3;
        String[] names = GIVEN[period][sex - 1];
        String[] pair = names[random.nextInt(names.length)].split(":");
        return new Name(pair[0], pair[1]);
    }

    public static ForeignName foreignName(SplittableRandom random, boolean specialPermanent) {
        if (specialPermanent) {
            return FOREIGN[9 + random.nextInt(2)];
        }
        return FOREIGN[random.nextInt(FOREIGN.length)];
    }

    public static List<String> formerAddresses() {
        return List.of("北海道旭川市", "北海道札幌市北区", "北海道札幌市中央区", "北海道稚内市", "北海道美深町", "北海道下川町",
                "北海道函館市", "北海道せたな町", "東京都豊島区", "宮城県仙台市青葉区");
    }
}
