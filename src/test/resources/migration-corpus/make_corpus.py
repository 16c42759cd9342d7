#!/usr/bin/env python3
"""Writes the migration test corpus (CP932 files) next to this script.

valid/            a small hand-written valid dataset, and expected-output.csv: the import file the data
                  setup tool must write for it, written here by hand (not by the tool).
bad/<case>/       the valid dataset with one failure, and expected-errors.txt: the FILE:LINE:COLUMN: ID of
                  every error the tool must report.
Run it again after changing it; the files are committed so that the tests need no Python.
"""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

D0101 = ["宛名番号", "履歴番号", "世帯番号", "住民種別", "住民状態", "氏", "名", "氏フリガナ", "名フリガナ", "旧氏",
         "旧氏フリガナ", "生年月日", "性別", "続柄", "世帯主氏名", "本籍", "筆頭者", "住民となった年月日", "行政区コード",
         "住所", "方書", "郵便番号", "住定日", "届出年月日", "転入前住所", "異動事由", "異動年月日", "消除事由", "転出先住所",
         "個人番号", "住民票コード", "選挙人名簿登録", "国保", "後期高齢", "介護", "国民年金種別", "児童手当", "処理年月日", "備考",
         "国籍・地域", "アルファベット氏名", "通称", "通称フリガナ", "30条の45区分", "在留資格", "在留期間", "在留期間満了日",
         "在留カード等番号", "外国人住民となった年月日"]
assert len(D0101) == 49


def person(**values):
    row = {name: "" for name in D0101}
    row.update({"住民種別": "1", "住民状態": "1", "住民となった年月日": "19800401", "住定日": "19800401",
                "異動事由": "国内転入", "異動年月日": "19800401", "処理年月日": "20240401", "郵便番号": "0960011"})
    for key, value in values.items():
        name = {"aadr": "宛名番号", "rireki": "履歴番号", "setai": "世帯番号", "kind": "住民種別", "state": "住民状態",
                "family": "氏", "given": "名", "family_kana": "氏フリガナ", "given_kana": "名フリガナ", "birth": "生年月日",
                "sex": "性別", "rel": "続柄", "head": "世帯主氏名", "district": "行政区コード", "address": "住所",
                "building": "方書", "reason": "異動事由", "removal": "消除事由", "nationality": "国籍・地域",
                "alphabet": "アルファベット氏名", "alias": "通称", "art": "30条の45区分", "status": "在留資格",
                "zip": "郵便番号"}.get(key, key)
        assert name in row, name
        row[name] = value
    return ",".join(row[name] for name in D0101)


CYONEI = ["000101,西３条南", "000102,西３条北", "000201,東１条南", "000301,日進"]

# Rows come in no particular order on purpose (rireki 2 before rireki 1, households mixed).
D0101_ROWS = [
    person(aadr="100000011", rireki="2", setai="200000001", family="佐藤", given="一郎", family_kana="サトウ",
           given_kana="イチロウ", birth="19700505", sex="1", rel="世帯主", head="佐藤　一郎", district="000102",
           address="北海道名寄市西３条北２丁目１番地", reason="転居"),
    person(aadr="100000022", rireki="1", setai="200000001", family="佐藤", given="花子", family_kana="サトウ",
           given_kana="ハナコ", birth="19230229", sex="2", rel="妻", head="佐藤　一郎", district="000101",
           address="北海道名寄市西３条南５丁目１番地"),
    person(aadr="100000066", rireki="1", setai="30000001", family="髙橋", given="健", family_kana="タカハシ",
           given_kana="ケン", birth="19551111", sex="1", rel="世帯主", head="髙橋　健", district="000201",
           address="北海道名寄市東１条南３丁目", building="コーポ東 201号室", zip="0960003"),
    person(aadr="100000011", rireki="1", setai="200000001", family="佐藤", given="一郎", family_kana="サトウ",
           given_kana="イチロウ", birth="19700505", sex="1", rel="世帯主", head="佐藤　一郎", district="000101",
           address="北海道名寄市西３条南５丁目１番地"),
    person(aadr="100000033", rireki="1", setai="200000001", family="佐藤", given="翔", family_kana="サトウ",
           given_kana="ショウ", birth="20100720", sex="1", rel="子", head="佐藤　一郎", district="000101",
           address="北海道名寄市西３条南５丁目１番地", reason="出生"),
    person(aadr="100000044", rireki="1", setai="200000001", family="佐藤", given="美咲", family_kana="サトウ",
           given_kana="ミサキ", birth="19980303", sex="2", rel="子", head="佐藤　一郎", district="000101",
           address="北海道名寄市西３条南５丁目１番地"),
    person(aadr="100000044", rireki="2", setai="200000001", state="2", family="佐藤", given="美咲", family_kana="サトウ",
           given_kana="ミサキ", birth="19980303", sex="2", rel="子", head="佐藤　一郎", district="000101",
           address="北海道名寄市西３条南５丁目１番地", reason="国内転出", removal="国内転出"),
    person(aadr="100000055", rireki="1", setai="30000001", family="髙橋", given="美﨑", family_kana="タカハシ",
           given_kana="ミサキ", birth="19450000", sex="2", rel="妻", head="髙橋　健", district="000201",
           address="北海道名寄市東１条南３丁目", building="コーポ東 201号室", zip="0960003"),
    person(aadr="100000077", rireki="1", setai="400000001", kind="2", family="", given="", family_kana="グエン",
           given_kana="ヴァン　アン", birth="19990115", sex="1", rel="世帯主", head="NGUYEN VAN AN", district="000201",
           address="北海道名寄市東１条南１丁目", nationality="ベトナム", alphabet="NGUYEN VAN AN", art="中長期在留者",
           status="技能実習"),
    person(aadr="100000088", rireki="1", setai="500000001", kind="2", family="金", given="英子", family_kana="キム",
           given_kana="ヨンジャ", birth="19480808", sex="2", rel="世帯主", head="金　英子", district="000102",
           address="北海道名寄市西３条北１丁目", nationality="韓国", alphabet="KIM YOUNGJA", art="特別永住者"),
    person(aadr="100000099", rireki="1", setai="600000001", family="工藤", given="清", family_kana="クドウ",
           given_kana="キヨシ", birth="19350303", sex="1", rel="世帯主", head="工藤　清", district="000101",
           address="北海道名寄市西３条南１丁目"),
    person(aadr="100000099", rireki="2", setai="600000001", state="3", family="工藤", given="清", family_kana="クドウ",
           given_kana="キヨシ", birth="19350303", sex="1", rel="世帯主", head="工藤　清", district="000101",
           address="北海道名寄市西３条南１丁目", reason="死亡", removal="死亡"),
    person(aadr="100000100", rireki="1", setai="600000001", family="工藤", given="\ue000子", family_kana="クドウ",
           given_kana="トヨコ", birth="19380101", sex="2", rel="妻", head="工藤　清", district="000101",
           address="北海道名寄市西３条南１丁目"),
    person(aadr="100000100", rireki="2", setai="600000001", family="工藤", given="\ue000子", family_kana="クドウ",
           given_kana="トヨコ", birth="19380101", sex="2", rel="世帯主", head="工藤　\ue000子", district="000101",
           address="北海道名寄市西３条南１丁目", reason="世帯主変更"),
]

D0301_ROWS = [
    "100000088,A1234567,19800401,KIM YOUNGJA,金英子,19480808,2,韓国,,,,,,,特別永住者,,,北海道名寄市西３条北１丁目,,,金田　栄子",
    "100000088,B7654321,20050401,KIM YOUNGJA,金英子,19480808,2,韓国,,,,,,,特別永住者,,,北海道名寄市西３条北１丁目,,,金田　英子",
]

D0603_ROWS = [
    "100000011,2023,4200000,4200000,3000000,180000,5000,0,2,5000000,,20240601",
    "100000011,2022,4100000,4100000,2900000,170000,5000,0,2,4900000,,20230601",
    "100000022,2023,0,0,0,0,0,2,0,,,20240601",
    "100000066,2022,1500000,1500000,500000,25000,5000,0,0,,2000000,20230601",
    "100000066,2023,900000,900000,0,0,5000,1,0,,1500000,20240601",
    "100000099,2023,800000,800000,0,0,0,2,0,,1200000,20240601",
]

# The import file, written by hand from the rules in docs: household 30000001 < 200000001 as numbers,
# the 世帯主 first, 除票 and superseded history left out, d0301 fills 在留資格 and 通称 for 100000088.
EXPECTED_OUTPUT = [
    "宛名番号,世帯番号,氏名,フリガナ,生年月日,性別,続柄,世帯主氏名,郵便番号,行政区コード,行政区名,住所,方書,住民種別,国籍,通称,在留資格,世帯人数,課税区分,課税年度",
    "100000066,30000001,髙橋　健,タカハシ　ケン,19551111,男,世帯主,髙橋　健,0960003,000201,東１条南,北海道名寄市東１条南３丁目,コーポ東 201号室,日本人,,,,2,1,2023",
    "100000055,30000001,髙橋　美﨑,タカハシ　ミサキ,19450000,女,妻,髙橋　健,0960003,000201,東１条南,北海道名寄市東１条南３丁目,コーポ東 201号室,日本人,,,,2,,",
    "100000011,200000001,佐藤　一郎,サトウ　イチロウ,19700505,男,世帯主,佐藤　一郎,0960011,000102,西３条北,北海道名寄市西３条北２丁目１番地,,日本人,,,,3,0,2023",
    "100000022,200000001,佐藤　花子,サトウ　ハナコ,19230229,女,妻,佐藤　一郎,0960011,000101,西３条南,北海道名寄市西３条南５丁目１番地,,日本人,,,,3,2,2023",
    "100000033,200000001,佐藤　翔,サトウ　ショウ,20100720,男,子,佐藤　一郎,0960011,000101,西３条南,北海道名寄市西３条南５丁目１番地,,日本人,,,,3,,",
    "100000077,400000001,NGUYEN VAN AN,グエン　ヴァン　アン,19990115,男,世帯主,NGUYEN VAN AN,0960011,000201,東１条南,北海道名寄市東１条南１丁目,,外国人,ベトナム,,技能実習,1,,",
    "100000088,500000001,金　英子,キム　ヨンジャ,19480808,女,世帯主,金　英子,0960011,000102,西３条北,北海道名寄市西３条北１丁目,,外国人,韓国,金田　英子,特別永住者,1,,",
    "100000100,600000001,工藤　\ue000子,クドウ　トヨコ,19380101,女,世帯主,工藤　\ue000子,0960011,000101,西３条南,北海道名寄市西３条南１丁目,,日本人,,,,1,,",
]


def _ibm_codes():
    """Python's cp932 writes IBM extension kanji with the NEC-selected codes (髙 EEE0); Windows and Java
    write the IBM codes (髙 FBFC). Map each character to its IBM code so the files look like Windows output."""
    codes = {}
    for lead in (0xFA, 0xFB, 0xFC):
        for trail in range(0x40, 0xFD):
            try:
                codes.setdefault(bytes([lead, trail]).decode("cp932"), bytes([lead, trail]))
            except UnicodeDecodeError:
                pass
    return codes


IBM = _ibm_codes()


def encode(text):
    return b"".join(IBM.get(c) or c.encode("cp932") for c in text)


def cp932(lines, alternative=True):
    data = b"".join(encode(line) + b"\r\n" for line in lines)
    if alternative:
        # 髙橋 美﨑 (100000055) is written with the NEC-selected codes: 髙 EEE0 (not FBFC), 﨑 ED95 (not FAB1).
        marker = encode("髙橋,美﨑")
        data = data.replace(marker, b"\xee\xe0" + encode("橋,美") + b"\xed\x95")
    return data


def write(folder, name, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def valid_files():
    return {
        "data_cyonei.csv": cp932(CYONEI),
        "data_d0101.csv": cp932(D0101_ROWS),
        "data_d0301.csv": cp932(D0301_ROWS),
        "data_d0603.csv": cp932(D0603_ROWS),
    }


def bad_case(name, expected, **replacements):
    folder = os.path.join(HERE, "bad", name)
    files = valid_files()
    for file_name, data in replacements.items():
        file_name = file_name.replace("_csv", ".csv")
        if data is None:
            del files[file_name]
        else:
            files[file_name] = data
    for file_name, data in files.items():
        write(folder, file_name, data)
    write(folder, "expected-errors.txt", ("\n".join(expected) + "\n").encode("utf-8"))


def field_replaced(line_index, column, value, rows=D0101_ROWS):
    result = list(rows)
    fields = result[line_index].split(",")
    fields[column - 1] = value
    result[line_index] = ",".join(fields)
    return result


def main():
    shutil.rmtree(os.path.join(HERE, "valid"), ignore_errors=True)
    shutil.rmtree(os.path.join(HERE, "bad"), ignore_errors=True)
    for name, data in valid_files().items():
        write(os.path.join(HERE, "valid"), name, data)
    write(os.path.join(HERE, "valid"), "expected-output.csv", cp932(EXPECTED_OUTPUT, alternative=False))

    rows = list(D0101_ROWS)
    rows[2] = rows[2].rsplit(",", 1)[0]
    bad_case("wrong-field-count", ["data_d0101.csv:3:49: E-MIG-0007"], data_d0101_csv=cp932(rows))

    rows = list(D0101_ROWS)
    rows[1] = rows[1] + ","
    bad_case("trailing-comma", ["data_d0101.csv:2:50: E-MIG-0008"], data_d0101_csv=cp932(rows))

    data = cp932(D0101_ROWS)
    sato = encode("佐藤,一郎")
    line4 = data.index(cp932([D0101_ROWS[3]], alternative=False))
    at = data.index(sato, line4)
    data = data[:at] + b"\xa0" + data[at:]
    bad_case("invalid-cp932-byte", ["data_d0101.csv:4:6: E-MIG-0006"], data_d0101_csv=data)

    utf8 = "".join(line + "\r\n" for line in D0101_ROWS).encode("utf-8")
    bad_case("utf8-with-bom", ["data_d0101.csv:1:1: E-MIG-0003"], data_d0101_csv=b"\xef\xbb\xbf" + utf8)
    bad_case("utf8-without-bom", ["data_d0101.csv:1:6: E-MIG-0003"], data_d0101_csv=utf8)

    bad_case("header-row", ["data_d0101.csv:1:1: E-MIG-0005"], data_d0101_csv=cp932([",".join(D0101)] + D0101_ROWS))

    bad_case("missing-required-field", ["data_d0101.csv:2:12: E-MIG-0101"], data_d0101_csv=cp932(field_replaced(1, 12, "")))
    bad_case("bad-code-value", ["data_d0101.csv:3:13: E-MIG-0104"], data_d0101_csv=cp932(field_replaced(2, 13, "3")))
    bad_case("bad-date-format", ["data_d0101.csv:2:12: E-MIG-0105"], data_d0101_csv=cp932(field_replaced(1, 12, "1980/1/2")))
    bad_case("unknown-district", ["data_d0101.csv:5:19: E-MIG-0201"], data_d0101_csv=cp932(field_replaced(4, 19, "999999")))
    bad_case("duplicate-key", ["data_d0101.csv:15:1: E-MIG-0202"], data_d0101_csv=cp932(D0101_ROWS + [D0101_ROWS[4]]))
    bad_case("duplicate-district", ["data_cyonei.csv:5:1: E-MIG-0202"], data_cyonei_csv=cp932(CYONEI + ["000101,西３条南"]))
    bad_case("missing-file", ["data_d0603.csv:0:0: E-MIG-0001"], data_d0603_csv=None)
    bad_case("empty-resident-file", ["data_d0101.csv:0:0: E-MIG-0010"], data_d0101_csv=b"")
    bad_case("cr-only-line-ends", ["data_d0101.csv:1:0: E-MIG-0004"],
             data_d0101_csv=cp932(D0101_ROWS).replace(b"\r\n", b"\r"))


if __name__ == "__main__":
    main()
