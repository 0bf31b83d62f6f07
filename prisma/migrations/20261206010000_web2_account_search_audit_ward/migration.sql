-- Diacritic- and case-insensitive search in SQL: "nguyen van" finds "Nguyễn Văn". The same fold as the
-- domain's searchKey (NFC, Vietnamese vowels without their marks, đ → d, lower case), IMMUTABLE so that
-- expression indexes may use it. No extension needed (unaccent is not installed everywhere).
CREATE FUNCTION kientoan_search_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT lower(translate(normalize(value, NFC),
    'àÀáÁảẢãÃạẠăĂằẰắẮẳẲẵẴặẶâÂầẦấẤẩẨẫẪậẬèÈéÉẻẺẽẼẹẸêÊềỀếẾểỂễỄệỆìÌíÍỉỈĩĨịỊòÒóÓỏỎõÕọỌôÔồỒốỐổỔỗỖộỘơƠờỜớỚởỞỡỠợỢùÙúÚủỦũŨụỤưƯừỪứỨửỬữỮựỰỳỲýÝỷỶỹỸỵỴđĐ',
    'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeeeeeeeiiiiiiiiiioooooooooooooooooooooooooooooooooouuuuuuuuuuuuuuuuuuuuuuyyyyyyyyyydd'))
$$;

-- CreateIndex
CREATE INDEX "audit_entry_ward_code_id_idx" ON "audit_entry"("ward_code", "id");
