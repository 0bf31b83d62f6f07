-- Vietnamese sort order with numbers compared as numbers ("Chi bộ 2" before "Chi bộ 10"), used by
-- ORDER BY name COLLATE vi_numeric in registry queries. ICU ships with PostgreSQL on Debian and most hosts.
CREATE COLLATION IF NOT EXISTS "vi_numeric" (provider = icu, locale = 'vi-u-kn-true');
