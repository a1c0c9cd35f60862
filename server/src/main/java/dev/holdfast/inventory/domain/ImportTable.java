package dev.holdfast.inventory.domain;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of one import on their way into {@code assets}: checked rows are COPYed into a temporary table (dropped
 * at commit), then written with one INSERT … SELECT for the new assets and one UPDATE … FROM for the existing ones.
 * COPY cannot go into {@code assets} itself (row-level security), hence the detour. Runs in the import's transaction.
 */
@Component
class ImportTable {

    /** One checked row: its asset id, whether it is new, and the values to write (null = keep / not given). */
    record Staged(long line, UUID id, boolean isNew, String assetTag, AssetChanges changes, Map<RefKind, UUID> refs,
            @Nullable String customFields) {
    }

    private static final AssetField[] FIELDS = {AssetField.NAME, AssetField.SERIAL_NUMBER, AssetField.DESCRIPTION,
        AssetField.NOTES, AssetField.PURCHASE_DATE, AssetField.PURCHASE_COST, AssetField.ORDER_NUMBER,
        AssetField.VENDOR_ID, AssetField.WARRANTY_MONTHS, AssetField.WARRANTY_EXPIRES_ON, AssetField.END_OF_LIFE_ON,
        AssetField.NEXT_AUDIT_ON, AssetField.EXPECTED_CHECKIN_ON};
    private static final RefKind[] REFS = {RefKind.CATEGORY, RefKind.MANUFACTURER, RefKind.MODEL, RefKind.STATUS,
        RefKind.LOCATION};

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    ImportTable(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    void create() {
        jdbc.sql("""
                create temp table if not exists asset_import (
                    line bigint, id uuid, is_new boolean, asset_tag text, name text, serial_number text,
                    description text, notes text, purchase_date date, purchase_cost numeric(14, 2), order_number text,
                    vendor_id uuid, warranty_months int, warranty_expires_on date, end_of_life_on date,
                    next_audit_on date, expected_checkin_on date, category_id uuid, manufacturer_id uuid,
                    model_id uuid, status_id uuid, location_id uuid, custom_fields jsonb) on commit drop""").update();
        jdbc.sql("truncate asset_import").update();
    }

    void copy(List<Staged> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(rows.size() * 256);
        for (Staged r : rows) {
            text.append(r.line()).append('\t').append(r.id()).append('\t').append(r.isNew() ? 't' : 'f').append('\t');
            value(text, r.assetTag());
            for (AssetField f : FIELDS) {
                text.append('\t');
                value(text, r.changes().fields.get(f));
            }
            for (RefKind k : REFS) {
                text.append('\t');
                value(text, r.refs().get(k));
            }
            text.append('\t');
            value(text, r.customFields());
            text.append('\n');
        }
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            con.unwrap(PGConnection.class).getCopyAPI().copyIn("copy asset_import from stdin", new StringReader(text.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into the import table failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    /** Inserts the new rows, in file order (creation times one microsecond apart keep that order in lists). */
    int insertNew(UUID tenant, @Nullable UUID defaultStatus) {
        return jdbc.sql("""
                insert into assets (tenant_id, id, asset_tag, name, serial_number, description, notes, purchase_date,
                                    purchase_cost, order_number, vendor_id, warranty_months, warranty_expires_on,
                                    end_of_life_on, next_audit_on, expected_checkin_on, category_id, manufacturer_id,
                                    model_id, status_id, location_id, custom_fields, created_at, updated_at)
                select ?, id, asset_tag, name, serial_number, description, notes, purchase_date, purchase_cost,
                       order_number, vendor_id, warranty_months, warranty_expires_on, end_of_life_on, next_audit_on,
                       expected_checkin_on, category_id, manufacturer_id, model_id, coalesce(status_id, ?), location_id,
                       coalesce(custom_fields, '{}'::jsonb),
                       now() + line * interval '1 microsecond', now() + line * interval '1 microsecond'
                from asset_import where is_new order by line""").params(tenant, defaultStatus).update();
    }

    /** Updates the existing assets: the columns the file gave a value, the others stay. */
    int updateExisting(UUID tenant) {
        return jdbc.sql("""
                update assets a set asset_tag = i.asset_tag, name = coalesce(i.name, a.name),
                       serial_number = coalesce(i.serial_number, a.serial_number),
                       description = coalesce(i.description, a.description), notes = coalesce(i.notes, a.notes),
                       purchase_date = coalesce(i.purchase_date, a.purchase_date),
                       purchase_cost = coalesce(i.purchase_cost, a.purchase_cost),
                       order_number = coalesce(i.order_number, a.order_number),
                       vendor_id = coalesce(i.vendor_id, a.vendor_id),
                       warranty_months = coalesce(i.warranty_months, a.warranty_months),
                       warranty_expires_on = coalesce(i.warranty_expires_on, a.warranty_expires_on),
                       end_of_life_on = coalesce(i.end_of_life_on, a.end_of_life_on),
                       next_audit_on = coalesce(i.next_audit_on, a.next_audit_on),
                       expected_checkin_on = coalesce(i.expected_checkin_on, a.expected_checkin_on),
                       category_id = coalesce(i.category_id, a.category_id),
                       manufacturer_id = coalesce(i.manufacturer_id, a.manufacturer_id),
                       model_id = coalesce(i.model_id, a.model_id), status_id = coalesce(i.status_id, a.status_id),
                       location_id = coalesce(i.location_id, a.location_id),
                       custom_fields = coalesce(i.custom_fields, a.custom_fields), updated_at = now()
                from asset_import i
                where not i.is_new and a.tenant_id = ? and a.id = i.id""").param(tenant).update();
    }

    private static void value(StringBuilder text, @Nullable Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String s = value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(ch);
            }
        }
    }
}
