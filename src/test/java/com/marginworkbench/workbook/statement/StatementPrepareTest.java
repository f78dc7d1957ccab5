package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Reading;
import com.marginworkbench.model.RevenueLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementPrepareTest {
    /**
     * The warm-up run while a workbook is parsed must go through the statement reader, checks and
     * all, or it prepares nothing: its small statement reads with its totals checked.
     */
    @Test
    void theWarmUpReadsItsStatementWithItsTotals() {
        StatementChoice.prepare();
        var read = StatementChoice.warmUp;
        assertThat(read).isNotNull();
        assertThat(read.reading().confidence()).isEqualTo(Reading.Confidence.HIGH);
        assertThat(read.reading().checks()).isNotEmpty().allMatch(Reading.Check::holds);
        assertThat(read.model().periods().count()).isEqualTo(3);
        assertThat(read.model().revenue().stream().mapToDouble(RevenueLine::total).sum()).isEqualTo(303.0);
    }
}
