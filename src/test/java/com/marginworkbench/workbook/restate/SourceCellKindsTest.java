package com.marginworkbench.workbook.restate;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

import static org.assertj.core.api.Assertions.assertThat;

class SourceCellKindsTest {
    @Test
    void findsTextCellsInAmountColumnsWhateverTheSpelling() throws Exception {
        String xml = "<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"main\"><x:sheetData>"
                + "<x:row r=\"3\" spans=\"1:4\"><x:c r=\"A3\" t=\"s\"><x:v>0</x:v></x:c>"
                + "<x:c r=\"B3\" t='inlineStr'><x:is><x:t>1,234</x:t></x:is></x:c>"
                + "<x:c r=\"C3\" s=\"2\"><x:v>5</x:v></x:c><x:c r=\"D3\" t=\"str\"><x:f>\"7\"</x:f><x:v>7</x:v></x:c></x:row>"
                // Cells without a reference are placed by order; a row without a number follows the last.
                + "<x:row><x:c t=\"n\"><x:v>1</x:v></x:c><x:c t=\"s\"><x:v>2</x:v></x:c><x:c t=\"e\"><x:v>#N/A</x:v></x:c>"
                + "<x:c t=\"b\"><x:v>1</x:v></x:c></x:row>"
                + "<x:row r=\"10\"><x:c r=\"AA10\" t=\"s\"/><x:c t=\"s\"/></x:row>"
                + "</x:sheetData><x:conditionalFormatting sqref=\"B3\"><x:cfRule type=\"expression\">"
                + "<x:formula>B3&gt;0</x:formula></x:cfRule></x:conditionalFormatting></x:worksheet>";
        SourceCellKinds kinds = new SourceCellKinds();
        BitSet amountColumns = new BitSet();
        amountColumns.set(1, 4);
        amountColumns.set(26, 28);
        kinds.scanSheet(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "p&l", amountColumns);

        assertThat(kinds.isText("P&L", 2, 0)).as("label column is not an amount column").isFalse();
        assertThat(kinds.isText("P&L", 2, 1)).isTrue();
        assertThat(kinds.isText("P&L", 2, 2)).isFalse();
        assertThat(kinds.isText("P&L", 2, 3)).isTrue();
        assertThat(kinds.isText("P&L", 3, 0)).isFalse();
        assertThat(kinds.isText("P&L", 3, 1)).isTrue();
        assertThat(kinds.isText("P&L", 3, 2)).isFalse();
        assertThat(kinds.isText("P&L", 3, 3)).isFalse();
        assertThat(kinds.isText("P&L", 9, 26)).isTrue();
        assertThat(kinds.isText("P&L", 9, 27)).isTrue();
        assertThat(kinds.isText("Other", 9, 26)).isFalse();
    }
}
