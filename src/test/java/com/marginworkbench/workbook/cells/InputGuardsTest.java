package com.marginworkbench.workbook.cells;

import com.marginworkbench.workbook.Problem;
import com.marginworkbench.workbook.WorkbookReadException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guards on their own; the files that need them are in {@code hostile.HostileInputTest}. */
class InputGuardsTest {
    @Test
    void longQuotationsAreCutAndMessagesStayOnOneLine() {
        String label = "x".repeat(32_767);
        String m = new Problem("P&L!A5", "'" + label + "' is left out:\nP&L!B5 holds 'short'").message();
        assertThat(m).doesNotContain("\n").contains("'short'").contains("…'").hasSizeLessThan(200);
        assertThat(new Problem("P&L!A5", "'OpenAI API' is left out").message()).isEqualTo("'OpenAI API' is left out");
    }

    @Test
    void formulasOnOtherWorkbooksAreRecognised() {
        assertThat(InputGuards.refersToOtherWorkbook("[1]Costs!B2+1")).isTrue();
        assertThat(InputGuards.refersToOtherWorkbook("SUM(B2:B9)")).isFalse();
        assertThat(InputGuards.refersToOtherWorkbook("Table1[[#This Row],[Cost]]")).isFalse();
        assertThat(InputGuards.noResult("'[2]P&L'!C4")).contains("another workbook");
    }

    @Test
    void bareOldExcelRecordsAreNamedAndOtherBytesPass() throws Exception {
        byte[] biff4 = {0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00};
        assertThatThrownBy(() -> InputGuards.checkBareBiff("q.xls", biff4, biff4.length))
                .hasMessageContaining("q.xls").hasMessageContaining("Excel 4.0");
        byte[] biff2 = {0x09, 0x00, 0x04, 0x00, 0x02, 0x00, 0x10, 0x00};
        assertThatThrownBy(() -> InputGuards.checkBareBiff("q.xls", biff2, biff2.length))
                .hasMessageContaining("Excel 2.x");
        byte[] text = "\tLine,Jan".getBytes();
        InputGuards.checkBareBiff("q.csv", text, text.length);
        byte[] odd = {0x09, 0x03, 0x06, 0x00, 0, 0, 0, 0};
        InputGuards.checkBareBiff("q.bin", odd, odd.length);
    }

    @Test
    void cellsOutsideExcelsGridAndTooManyRowsAreRefused() {
        GridSheet s = new GridSheet("Data", false);
        assertThatThrownBy(() -> s.set(1_215_752_191, 0, GridCell.text("x", null)))
                .isInstanceOf(InputGuards.TooLarge.class).hasMessageContaining("outside Excel's grid");
        assertThatThrownBy(() -> s.set(0, 16_384, GridCell.text("x", null))).isInstanceOf(InputGuards.TooLarge.class);
        s.set(InputGuards.LAST_ROW, InputGuards.LAST_COLUMN, GridCell.text("last cell", null));
        assertThat(s.cell(InputGuards.LAST_ROW, InputGuards.LAST_COLUMN).text()).isEqualTo("last cell");

        GridSheet big = new GridSheet("Ledger", false);
        for (int r = 0; r < InputGuards.MAX_ROWS_PER_SHEET; r++) {
            big.setNumber(r, 1, r);
        }
        assertThatThrownBy(() -> big.setNumber(InputGuards.MAX_ROWS_PER_SHEET, 1, 1))
                .hasMessageContaining("'Ledger'").hasMessageContaining("250,000");
        WorkbookReadException e = InputGuards.TooLarge.in(new RuntimeException(new org.xml.sax.SAXException(
                catchTooLarge(big)))).forFile("ledger.xlsx");
        assertThat(e.getMessage()).startsWith("ledger.xlsx: sheet 'Ledger'");
    }

    private static InputGuards.TooLarge catchTooLarge(GridSheet s) {
        try {
            s.setNumber(InputGuards.MAX_ROWS_PER_SHEET + 5, 1, 1);
        } catch (InputGuards.TooLarge e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aDeepChainStopsRecalculationAfterItsFirstOverflow() {
        InputGuards.Recalculation r = new InputGuards.Recalculation();
        assertThat(r.refusal()).isNull();
        assertThat(r.failed("B7+1", new IllegalStateException("no"))).contains("could not be recalculated");
        assertThat(r.refusal()).isNull();
        assertThat(r.failed("B7+1", new StackOverflowError())).contains("too deep");
        assertThat(r.refusal()).contains("too deep");
        InputGuards.Recalculation slow = new InputGuards.Recalculation();
        slow.spent(InputGuards.Recalculation.BUDGET_NANOS + 1);
        assertThat(slow.refusal()).contains("took too long");
    }

    @Test
    void failuresWithoutAMessageAreDescribedInWords() {
        assertThat(InputGuards.describe(new RuntimeException(new java.io.EOFException()))).isEqualTo(
                "it ends before its content does");
        assertThat(InputGuards.describe(new NullPointerException())).doesNotContain("Exception");
    }
}
