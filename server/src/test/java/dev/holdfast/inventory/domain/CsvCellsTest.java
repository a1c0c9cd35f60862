package dev.holdfast.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The cell formats of CSV imports, as spreadsheets and Snipe-IT write them. */
class CsvCellsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "2026-01-15           | 2026-01-15",
        "2026-01-15T10:00:00Z | 2026-01-15",
        "1/23/23              | 2023-01-23",
        "10/27/28             | 2028-10-27",
        "4/5/16               | 2016-04-05",
        "11/14/2022           | 2022-11-14",
        "31/31/23             | null",
        "2/30/2024            | null",
        "yesterday            | null",
    })
    void dates(String text, String expected) {
        assertThat(CsvCells.date(text)).isEqualTo(expected == null ? null : LocalDate.parse(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "$1,299.00    | 1299.00",
        "1299         | 1299",
        "133289.59    | 133289.59",
        "1.299,00 €   | 1299.00",
        "€ 12,50      | 12.50",
        "1,299        | 1299",
        "USD 2,000.5  | 2000.5",
        "ten dollars  | null",
        "''           | null",
    })
    void amounts(String text, String expected) {
        if (expected == null) {
            assertThat(CsvCells.amount(text)).isNull();
        } else {
            assertThat(CsvCells.amount(text)).isEqualByComparingTo(expected);
        }
    }

    @Test
    void formulaCellsAreDefusedOnExportAndRestoredOnImport() {
        for (String value : new String[] {"=SUM(A1)", "+1", "-5", "@cmd", "plain", "'quoted"}) {
            assertThat(CsvCells.unsafeText(CsvCells.safeText(value))).isEqualTo(value);
        }
        assertThat(CsvCells.safeText("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(CsvCells.safeText("plain")).isEqualTo("plain");
    }

    @Test
    void encodingsAndSeparatorsAreRecognised() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'A', ',', 'B'};
        assertThat(CsvText.of(bom).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CsvText.of(bom).offset()).isEqualTo(3);
        assertThat(CsvText.of("Café".getBytes(StandardCharsets.UTF_8)).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CsvText.of("Café".getBytes(Charset.forName("windows-1252"))).charset().name()).isEqualTo("windows-1252");
        assertThat(CsvText.of("Name;Asset Tag;\"a,b\"\n1,2,3,4".getBytes(StandardCharsets.UTF_8)).delimiter()).isEqualTo(';');
        assertThat(CsvText.of("Name,Asset Tag\r1;2;3".getBytes(StandardCharsets.UTF_8)).delimiter()).isEqualTo(',');
        assertThat(CsvText.of("Name\tAsset Tag\n".getBytes(StandardCharsets.UTF_8)).delimiter()).isEqualTo('\t');
    }

    @Test
    void headerNamesMatchAnyCaseAndSpellingAndEveryExportColumnIsKnown() {
        assertThat(AssetCsvColumn.byHeader("asset_tag")).isEqualTo(AssetCsvColumn.ASSET_TAG);
        assertThat(AssetCsvColumn.byHeader("ASSET TAG")).isEqualTo(AssetCsvColumn.ASSET_TAG);
        assertThat(AssetCsvColumn.byHeader("item Name")).isEqualTo(AssetCsvColumn.NAME);
        assertThat(AssetCsvColumn.byHeader("Serial")).isEqualTo(AssetCsvColumn.SERIAL_NUMBER);
        assertThat(AssetCsvColumn.byHeader("Warranty")).isEqualTo(AssetCsvColumn.WARRANTY_MONTHS);
        assertThat(AssetCsvColumn.byHeader("Supplier")).isEqualTo(AssetCsvColumn.VENDOR_ID);
        assertThat(AssetCsvColumn.byHeader("Asset EOL Date")).isEqualTo(AssetCsvColumn.END_OF_LIFE_ON);
        assertThat(AssetCsvColumn.byHeader("Checked Out To: Location")).isNull();
        for (String header : AssetExport.HEADER) {
            assertThat(AssetCsvColumn.byHeader(header) != null || AssetCsvColumn.isExportOnly(header)).as(header).isTrue();
        }
    }

    @Test
    void newStatusLabelsGetAKindFromTheirName() {
        assertThat(AssetImport.statusKind("Undeployable")).isEqualTo("UNDEPLOYABLE");
        assertThat(AssetImport.statusKind("Lost")).isEqualTo("UNDEPLOYABLE");
        assertThat(AssetImport.statusKind("Pending")).isEqualTo("PENDING");
        assertThat(AssetImport.statusKind("Archived")).isEqualTo("ARCHIVED");
        assertThat(AssetImport.statusKind("In use")).isEqualTo("DEPLOYABLE");
    }
}
