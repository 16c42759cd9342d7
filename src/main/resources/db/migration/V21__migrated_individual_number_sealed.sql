-- 個人番号 is never kept as written outside the registry's cipher: the migrated rows hold it encrypted with the
-- registry's key (AES-GCM bound to the tenant and the 宛名番号, as resident_snapshot.individual_number_cipher), and
-- ./jc export decrypts it. (V20 has not been released with data: no plain numbers need converting.)
ALTER TABLE migrated_resident_row RENAME COLUMN individual_number TO individual_number_cipher;
ALTER TABLE migrated_resident_row ALTER COLUMN individual_number_cipher SET DATA TYPE VARCHAR(200);
