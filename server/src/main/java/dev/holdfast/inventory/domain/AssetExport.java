package dev.holdfast.inventory.domain;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import dev.holdfast.platform.TenantContext;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the current company's assets as CSV, one row per asset with every column, header first. Rows come from a
 * database cursor ({@link #FETCH_SIZE} at a time, inside a read-only transaction) and go straight to the output,
 * so memory stays flat for any number of assets.
 */
@Service
public class AssetExport {

    static final int FETCH_SIZE = 2000;
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

    private static final String SELECT = """
            select a.asset_tag, a.name, a.serial_number, a.description, a.notes, c.name as category_name,
                   mf.name as manufacturer_name, mo.name as model_name, mo.model_number, s.name as status_name,
                   s.kind as status_kind, l.name as location_name,
                   case when a.assigned_person_id is not null then 'person'
                        when a.assigned_location_id is not null then 'location'
                        when a.assigned_asset_id is not null then 'asset' end as assigned_type,
                   coalesce(p.name, al.name, aa.name) as assigned_name,
                   a.expected_checkin_on, a.purchase_date, a.purchase_cost, a.order_number, a.vendor_id,
                   a.warranty_months, a.warranty_expires_on, a.end_of_life_on, a.next_audit_on, a.last_audit_at,
                   (select string_agg(t.tag_id, ' ' order by t.tag_id) from asset_tags t
                     where t.tenant_id = a.tenant_id and t.asset_id = a.id) as tags,
                   a.last_seen_at, a.created_at, a.updated_at, a.id
            from assets a
            left join categories c on c.tenant_id = a.tenant_id and c.id = a.category_id
            left join manufacturers mf on mf.tenant_id = a.tenant_id and mf.id = a.manufacturer_id
            left join models mo on mo.tenant_id = a.tenant_id and mo.id = a.model_id
            left join status_labels s on s.tenant_id = a.tenant_id and s.id = a.status_id
            left join locations l on l.tenant_id = a.tenant_id and l.id = a.location_id
            left join people p on p.tenant_id = a.tenant_id and p.id = a.assigned_person_id
            left join locations al on al.tenant_id = a.tenant_id and al.id = a.assigned_location_id
            left join assets aa on aa.tenant_id = a.tenant_id and aa.id = a.assigned_asset_id
            """;

    private final Assets assets;
    private final CustomFields customFields;
    private final JdbcTemplate cursor;

    AssetExport(Assets assets, CustomFields customFields, DataSource dataSource) {
        this.assets = assets;
        this.customFields = customFields;
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(FETCH_SIZE);
    }

    /** The header row of the export, in the order {@link #fill} writes the cells. */
    static final List<String> HEADER = List.of("Asset Tag", "Name", "Serial Number", "Description", "Notes", "Category",
            "Manufacturer", "Model", "Model Number", "Status", "Status Kind", "Location", "Assigned To Type", "Assigned To",
            "Expected Checkin On", "Purchase Date", "Purchase Cost", "Order Number", "Vendor Id", "Warranty Months",
            "Warranty Expires On", "End Of Life On", "Next Audit On", "Last Audit At", "Tags", "Last Seen", "Created At",
            "Updated At", "Id");

    /**
     * Writes the assets matching the list filters of {@code query} (its sort, size and cursor are ignored; rows
     * come in storage order, which is roughly creation order). Needs the tenant bound; the caller closes {@code out}.
     */
    @Transactional(readOnly = true)
    public long write(AssetQuery query, OutputStream out) throws IOException {
        UUID tenant = TenantContext.require();
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        CSVPrinter csv = new CSVPrinter(writer, FORMAT);
        // one column per custom field key after the standard ones, headed by the field's label
        CustomColumns custom = CustomColumns.of(customFields.all());
        List<String> header = new ArrayList<>(HEADER);
        header.addAll(custom.headers().values());
        csv.printRecord(header);
        Optional<Assets.AssetFilter> filter = assets.filter(query);
        if (filter.isEmpty()) {
            csv.flush();
            return 0;
        }
        List<Object> params = new ArrayList<>();
        StringBuilder customSelect = new StringBuilder();
        int n = 0;
        for (String key : custom.headers().keySet()) {
            customSelect.append(", a.custom_fields ->> ? as cf_").append(n++);
            params.add(key);
        }
        StringBuilder sql = new StringBuilder(SELECT.replaceFirst("a\\.id\\s+from assets a", "a.id" + customSelect
                + " from assets a"));
        AssetStore.where(sql, params, tenant, query, filter.get().status(), filter.get().category(),
                filter.get().location(), filter.get().exact());
        // no ORDER BY: with one, PostgreSQL sorted all rows (spilling to disk) before sending the first, 4 s for 1M
        long[] rows = {0};
        Object[] row = new Object[header.size()];
        int customCount = n;
        try {
            cursor.query(sql.toString(), rs -> {
                fill(rs, row);
                for (int i = 0; i < customCount; i++) {
                    row[HEADER.size() + i] = CsvCells.safeText(rs.getString("cf_" + i));
                }
                try {
                    csv.printRecord(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rows[0]++;
            }, params.toArray());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
        return rows[0];
    }

    private static void fill(ResultSet rs, Object[] row) throws SQLException {
        int i = 0;
        row[i++] = CsvCells.safeText(rs.getString("asset_tag"));
        row[i++] = CsvCells.safeText(rs.getString("name"));
        row[i++] = CsvCells.safeText(rs.getString("serial_number"));
        row[i++] = CsvCells.safeText(rs.getString("description"));
        row[i++] = CsvCells.safeText(rs.getString("notes"));
        row[i++] = CsvCells.safeText(rs.getString("category_name"));
        row[i++] = CsvCells.safeText(rs.getString("manufacturer_name"));
        row[i++] = CsvCells.safeText(rs.getString("model_name"));
        row[i++] = CsvCells.safeText(rs.getString("model_number"));
        row[i++] = CsvCells.safeText(rs.getString("status_name"));
        row[i++] = rs.getString("status_kind");
        row[i++] = CsvCells.safeText(rs.getString("location_name"));
        row[i++] = rs.getString("assigned_type");
        row[i++] = CsvCells.safeText(rs.getString("assigned_name"));
        row[i++] = rs.getString("expected_checkin_on");
        row[i++] = rs.getString("purchase_date");
        row[i++] = rs.getString("purchase_cost");
        row[i++] = CsvCells.safeText(rs.getString("order_number"));
        row[i++] = rs.getString("vendor_id");
        row[i++] = rs.getString("warranty_months");
        row[i++] = rs.getString("warranty_expires_on");
        row[i++] = rs.getString("end_of_life_on");
        row[i++] = rs.getString("next_audit_on");
        row[i++] = instant(rs, "last_audit_at");
        row[i++] = rs.getString("tags");
        row[i++] = instant(rs, "last_seen_at");
        row[i++] = instant(rs, "created_at");
        row[i++] = instant(rs, "updated_at");
        row[i] = rs.getString("id");
    }

    private static @Nullable String instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
    }
}
