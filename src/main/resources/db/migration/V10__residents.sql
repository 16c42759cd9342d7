-- 住民基本台帳 (resident registry). Snapshots are appended, never updated or deleted: every 異動 writes one
-- registry_change row and a full snapshot of each resident and household it touched.

-- Serial numbers per tenant (宛名番号, 世帯番号, 異動番号), locked with SELECT ... FOR UPDATE while issuing.
CREATE TABLE registry_counter (
    tenant_id     VARCHAR(6)  NOT NULL,
    counter_name  VARCHAR(20) NOT NULL,
    last_value    BIGINT      NOT NULL,
    PRIMARY KEY (tenant_id, counter_name)
);

-- 異動 (change): one per recorded change, whatever number of residents it touched.
CREATE TABLE registry_change (
    tenant_id         VARCHAR(6)   NOT NULL,
    change_id         BIGINT       NOT NULL,
    change_kind       VARCHAR(40)  NOT NULL,
    changed_on        DATE         NOT NULL,
    notified_on       DATE,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by       VARCHAR(64)  NOT NULL,
    cancels_change_id BIGINT,
    note              VARCHAR(400),
    PRIMARY KEY (tenant_id, change_id)
);

-- 住民票 snapshots: (宛名番号, 履歴番号) with every item as recorded. Dates as recorded are kept as text
-- YYYYMMDD (00 for unknown parts) with the era they were written in after an @ (19700301@昭和).
CREATE TABLE resident_snapshot (
    tenant_id                  VARCHAR(6)   NOT NULL,
    atena_number               VARCHAR(15)  NOT NULL,
    history_number             INTEGER      NOT NULL,
    change_id                  BIGINT       NOT NULL,
    change_kind                VARCHAR(40)  NOT NULL,
    changed_on                 DATE         NOT NULL,
    notified_on                DATE,
    household_number           VARCHAR(15)  NOT NULL,
    resident_kind              VARCHAR(10)  NOT NULL,
    status                     VARCHAR(20)  NOT NULL,
    name                       VARCHAR(200) NOT NULL,
    kana                       VARCHAR(200) NOT NULL,
    former_surname             VARCHAR(200),
    former_surname_kana        VARCHAR(200),
    common_name                VARCHAR(200),
    common_name_kana           VARCHAR(200),
    birth_date                 VARCHAR(30)  NOT NULL,
    sex                        VARCHAR(10)  NOT NULL,
    relationship               VARCHAR(60)  NOT NULL,
    relationship_folded_from   VARCHAR(200),
    registered_domicile        VARCHAR(300),
    family_register_head       VARCHAR(200),
    postal_code                VARCHAR(7)   NOT NULL,
    address                    VARCHAR(300) NOT NULL,
    district_code              VARCHAR(6)   NOT NULL,
    building_line              VARCHAR(200) NOT NULL,
    previous_address           VARCHAR(300),
    became_resident_on         VARCHAR(30)  NOT NULL,
    address_settled_on         VARCHAR(30)  NOT NULL,
    individual_number_cipher   VARCHAR(200),
    resident_record_code       VARCHAR(11),
    on_electoral_roll          BOOLEAN      NOT NULL,
    national_health_insurance  BOOLEAN      NOT NULL,
    late_stage_elderly_care    BOOLEAN      NOT NULL,
    long_term_care_insurance   BOOLEAN      NOT NULL,
    national_pension           VARCHAR(20)  NOT NULL,
    child_allowance            BOOLEAN      NOT NULL,
    nationality                VARCHAR(100),
    alphabet_name              VARCHAR(200),
    foreign_category           VARCHAR(40),
    status_of_residence        VARCHAR(100),
    period_of_stay             VARCHAR(60),
    period_expires_on          VARCHAR(30),
    card_number                VARCHAR(12),
    became_foreign_resident_on VARCHAR(30),
    PRIMARY KEY (tenant_id, atena_number, history_number)
);
CREATE INDEX ix_resident_snapshot_change ON resident_snapshot (tenant_id, change_id);
CREATE INDEX ix_resident_snapshot_household ON resident_snapshot (tenant_id, household_number);

-- 世帯 snapshots: (世帯番号, 履歴番号); members as recorded after the change ("宛名番号:続柄" separated by ,).
CREATE TABLE household_snapshot (
    tenant_id         VARCHAR(6)   NOT NULL,
    household_number  VARCHAR(15)  NOT NULL,
    history_number    INTEGER      NOT NULL,
    change_id         BIGINT       NOT NULL,
    head_atena_number VARCHAR(15),
    members           VARCHAR(4000) NOT NULL,
    address           VARCHAR(300) NOT NULL,
    district_code     VARCHAR(6)   NOT NULL,
    dissolved         BOOLEAN      NOT NULL,
    PRIMARY KEY (tenant_id, household_number, history_number)
);
CREATE INDEX ix_household_snapshot_change ON household_snapshot (tenant_id, change_id);

-- The latest snapshot of each resident and household: a projection of the snapshots above, kept for
-- lookups, display and the optimistic check on a household's latest 履歴番号.
CREATE TABLE resident_current (
    tenant_id         VARCHAR(6)   NOT NULL,
    atena_number      VARCHAR(15)  NOT NULL,
    history_number    INTEGER      NOT NULL,
    household_number  VARCHAR(15)  NOT NULL,
    resident_kind     VARCHAR(10)  NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    name              VARCHAR(200) NOT NULL,
    kana              VARCHAR(200) NOT NULL,
    birth_date        VARCHAR(30)  NOT NULL,
    sex               VARCHAR(10)  NOT NULL,
    relationship      VARCHAR(60)  NOT NULL,
    address           VARCHAR(300) NOT NULL,
    building_line     VARCHAR(200) NOT NULL,
    PRIMARY KEY (tenant_id, atena_number)
);
CREATE INDEX ix_resident_current_household ON resident_current (tenant_id, household_number);

CREATE TABLE household_current (
    tenant_id         VARCHAR(6)   NOT NULL,
    household_number  VARCHAR(15)  NOT NULL,
    history_number    INTEGER      NOT NULL,
    head_atena_number VARCHAR(15),
    dissolved         BOOLEAN      NOT NULL,
    PRIMARY KEY (tenant_id, household_number)
);

-- 個人番号の表示: who was shown which number, besides the access log entry.
CREATE TABLE individual_number_disclosure (
    tenant_id     VARCHAR(6)  NOT NULL,
    disclosure_id BIGINT      NOT NULL,
    atena_number  VARCHAR(15) NOT NULL,
    shown_to      VARCHAR(64) NOT NULL,
    shown_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    purpose       VARCHAR(200) NOT NULL,
    PRIMARY KEY (tenant_id, disclosure_id)
);
