package jp.jichitai.cloud.synthetic.internal;

import java.util.ArrayList;
import java.util.List;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.synthetic.District;

/**
 * The districts of the demo tenants, named as their addresses are written: 名寄市 has the grid of 西/東
 * n条 南/北 plus outlying areas and the former 風連町; 士別市 has 東/西 n条 and named 町; 今金町 has 字.
 */
public final class TenantGeography {

    private static final String DIGITS = "０１２３４５６７８９";

    private TenantGeography() {
    }

    public static String fullWidth(int number) {
        StringBuilder text = new StringBuilder();
        for (char c : Integer.toString(number).toCharArray()) {
            text.append(DIGITS.charAt(c - '0'));
        }
        return text.toString();
    }

    public static List<District> districtsOf(TenantCode tenant) {
        List<District> districts = new ArrayList<>();
        switch (tenant.value()) {
            case "012211" -> {
                String prefix = "北海道名寄市";
                int code = 1;
                for (String side : List.of("西", "東")) {
                    int lines = side.equals("西") ? 13 : 8;
                    for (int line = 1; line <= lines; line++) {
                        for (String half : List.of("南", "北")) {
                            String name = side + fullWidth(line) + "条" + half;
                            districts.add(new District(String.format("%06d", code++), name, prefix + name,
                                    String.format("09600%02d", (line * 2 + (half.equals("北") ? 1 : 0)) % 40 + 10), true));
                        }
                    }
                }
                for (String area : List.of("日進", "瑞穂", "智恵文", "豊栄", "緑丘", "徳田")) {
                    districts.add(new District(String.format("%06d", 100 + code++), area, prefix + area, "0960071", false));
                }
                for (String town : List.of("風連町本町", "風連町西町", "風連町東町", "風連町南町", "風連町北栄町")) {
                    districts.add(new District(String.format("%06d", 200 + code++), town, prefix + town, "0980501", false));
                }
            }
            case "012203" -> {
                String prefix = "北海道士別市";
                int code = 1;
                for (String side : List.of("東", "西")) {
                    for (int line = 1; line <= (side.equals("東") ? 8 : 6); line++) {
                        String name = side + fullWidth(line) + "条";
                        districts.add(new District(String.format("%06d", code++), name, prefix + name, "0950001", true));
                    }
                }
                for (String town : List.of("南町", "北町", "大通東", "大通西", "朝日町", "多寄町", "上士別町", "温根別町", "武徳町", "中士別町")) {
                    districts.add(new District(String.format("%06d", 100 + code++), town, prefix + town, "0950012", false));
                }
            }
            case "013706" -> {
                String prefix = "北海道瀬棚郡今金町";
                int code = 1;
                for (String area : List.of("字今金", "字種川", "字美利河", "字八束", "字神丘", "字花石", "字日進", "字稲穂", "字豊田", "字鈴金")) {
                    districts.add(new District(String.format("%06d", code++), area, prefix + area, "0494300", false));
                }
            }
            default -> {
                String prefix = "北海道";
                for (int area = 1; area <= 10; area++) {
                    String name = "第" + fullWidth(area) + "地区";
                    districts.add(new District(String.format("%06d", area), name, prefix + name, "0600000", false));
                }
            }
        }
        return List.copyOf(districts);
    }

    /** The name of the tenant as it appears in 本籍 and addresses. */
    public static String municipalityOf(TenantCode tenant) {
        return switch (tenant.value()) {
            case "012211" -> "北海道名寄市";
            case "012203" -> "北海道士別市";
            case "013706" -> "北海道瀬棚郡今金町";
            default -> "北海道";
        };
    }
}
