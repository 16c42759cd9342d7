-- 移行データ (migrated registry): a town's four standard CSV files (layout v0) as imported by ./jc import, every
-- item as recorded (text, 00 for unknown date parts, codes as written), so that ./jc export gives the same text
-- back. line_number is the row's line in its file: export writes the rows in that order. Empty fields are NULL.

-- data_cyonei.csv: 町名情報 (district names)
CREATE TABLE migrated_district (
    tenant_id      VARCHAR(6)  NOT NULL,
    district_code  VARCHAR(6)  NOT NULL,
    line_number    BIGINT      NOT NULL,
    name           VARCHAR(40) NOT NULL,
    PRIMARY KEY (tenant_id, district_code)
);

-- data_d0101.csv: 01-01 住民基本台帳, one row per history snapshot (履歴番号), 除票 included.
CREATE TABLE migrated_resident_row (
    tenant_id                  VARCHAR(6)   NOT NULL,
    atena_number               VARCHAR(15)  NOT NULL,
    history_number             VARCHAR(4)   NOT NULL,
    line_number                BIGINT       NOT NULL,
    household_number           VARCHAR(15)  NOT NULL,
    resident_kind_code         VARCHAR(1)   NOT NULL,
    status_code                VARCHAR(1)   NOT NULL,
    surname                    VARCHAR(50),
    given_name                 VARCHAR(50),
    surname_kana               VARCHAR(50),
    given_name_kana            VARCHAR(50),
    former_surname             VARCHAR(50),
    former_surname_kana        VARCHAR(50),
    birth_date                 VARCHAR(8)   NOT NULL,
    sex_code                   VARCHAR(1)   NOT NULL,
    relationship               VARCHAR(20)  NOT NULL,
    household_head_name        VARCHAR(100) NOT NULL,
    registered_domicile        VARCHAR(100),
    family_register_head       VARCHAR(100),
    became_resident_on         VARCHAR(8)   NOT NULL,
    district_code              VARCHAR(6)   NOT NULL,
    address                    VARCHAR(200) NOT NULL,
    building_line              VARCHAR(100),
    postal_code                VARCHAR(7),
    address_settled_on         VARCHAR(8)   NOT NULL,
    notified_on                VARCHAR(8),
    previous_address           VARCHAR(200),
    change_reason              VARCHAR(20)  NOT NULL,
    changed_on                 VARCHAR(8)   NOT NULL,
    removal_reason             VARCHAR(20),
    moved_out_to               VARCHAR(200),
    individual_number          VARCHAR(12),
    resident_record_code       VARCHAR(11),
    on_electoral_roll          VARCHAR(1),
    national_health_insurance  VARCHAR(1),
    late_stage_elderly_care    VARCHAR(1),
    long_term_care_insurance   VARCHAR(1),
    national_pension_code      VARCHAR(1),
    child_allowance            VARCHAR(1),
    processed_on               VARCHAR(8)   NOT NULL,
    remarks                    VARCHAR(200),
    nationality                VARCHAR(40),
    alphabet_name              VARCHAR(100),
    common_name                VARCHAR(100),
    common_name_kana           VARCHAR(100),
    foreign_category           VARCHAR(10),
    status_of_residence        VARCHAR(40),
    period_of_stay             VARCHAR(20),
    period_expires_on          VARCHAR(8),
    card_number                VARCHAR(12),
    became_foreign_resident_on VARCHAR(8),
    PRIMARY KEY (tenant_id, atena_number, history_number)
);

-- data_d0301.csv: 03-01 外国人登録情報 (former alien registration, before 2012-07), kept as such.
CREATE TABLE migrated_foreign_registration (
    tenant_id               VARCHAR(6)   NOT NULL,
    atena_number            VARCHAR(15)  NOT NULL,
    line_number             BIGINT       NOT NULL,
    registration_number     VARCHAR(12)  NOT NULL,
    registered_on           VARCHAR(8)   NOT NULL,
    alphabet_name           VARCHAR(100) NOT NULL,
    kanji_name              VARCHAR(100),
    birth_date              VARCHAR(8)   NOT NULL,
    sex_code                VARCHAR(1)   NOT NULL,
    nationality             VARCHAR(40)  NOT NULL,
    address_in_home_country VARCHAR(200),
    birthplace              VARCHAR(100),
    occupation              VARCHAR(40),
    passport_number         VARCHAR(20),
    passport_issued_on      VARCHAR(8),
    landing_permitted_on    VARCHAR(8),
    status_of_residence     VARCHAR(40),
    period_of_stay          VARCHAR(20),
    period_expires_on       VARCHAR(8),
    residence               VARCHAR(200) NOT NULL,
    household_head_name     VARCHAR(100),
    relationship_to_head    VARCHAR(20),
    common_name             VARCHAR(100),
    PRIMARY KEY (tenant_id, atena_number, line_number)
);

-- data_d0603.csv: 06-03 所得移行用テーブル (income, one row per person and tax year).
CREATE TABLE migrated_income (
    tenant_id          VARCHAR(6)  NOT NULL,
    atena_number       VARCHAR(15) NOT NULL,
    tax_year           VARCHAR(4)  NOT NULL,
    line_number        BIGINT      NOT NULL,
    total_income       VARCHAR(12) NOT NULL,
    aggregate_income   VARCHAR(12) NOT NULL,
    taxable_base       VARCHAR(12) NOT NULL,
    income_levy        VARCHAR(12) NOT NULL,
    per_capita_levy    VARCHAR(12) NOT NULL,
    tax_class_code     VARCHAR(1)  NOT NULL,
    dependants         VARCHAR(2)  NOT NULL,
    salary_income      VARCHAR(12),
    pension_income     VARCHAR(12),
    updated_on         VARCHAR(8)  NOT NULL,
    PRIMARY KEY (tenant_id, atena_number, tax_year)
);

-- One row per committed import: what was read and loaded, and the SHA-256 of the four files, so that
-- running the same import again is recognised and changes nothing.
CREATE TABLE migration_import (
    tenant_id         VARCHAR(6)   NOT NULL,
    import_id         BIGINT       NOT NULL,
    imported_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by       VARCHAR(64)  NOT NULL,
    input_sha256      VARCHAR(64)  NOT NULL,
    layout_version    VARCHAR(20)  NOT NULL,
    rows_read         BIGINT       NOT NULL,
    rows_imported     BIGINT       NOT NULL,
    rows_rejected     BIGINT       NOT NULL,
    gaiji_seen        BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, import_id)
);
