package com.marginworkbench.workbook.statement;

import com.marginworkbench.model.Granularity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Period headings as real models and accounting packages write them, one cell at a time. */
class PeriodHeadingsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2024/25 | YEAR | 2025 | 0",
            "FY 2024/25 | YEAR | 2025 | 0",
            "FY24/25 | YEAR | 2025 | 0",
            "2024-25 | YEAR | 2025 | 0",
            "FY2011-12 | YEAR | 2012 | 0",
            "2011-12 | MONTH | 2011 | 11",
            "1st Qtr 2026 | QUARTER | 2026 | 0",
            "Qtr 3 FY25 | QUARTER | 2025 | 6",
            "Quarter 2 2026 | QUARTER | 2026 | 3",
            "1Q25 | QUARTER | 2025 | 0",
            "Q3'25E | QUARTER | 2025 | 6",
            "Jun-26 Act | MONTH | 2026 | 5",
            "Jul-26 Fcst | MONTH | 2026 | 6",
            "Mar-26F | MONTH | 2026 | 2",
            "Jan-26 A | MONTH | 2026 | 0",
            "Jul-26 F | MONTH | 2026 | 6",
            "Q1 2026 A | QUARTER | 2026 | 0",
            "2025 E | YEAR | 2025 | 0",
            "H2 2025 | HALF_YEAR | 2025 | 6",
            "1H25 | HALF_YEAR | 2025 | 0",
            "HY2 FY26 | HALF_YEAR | 2026 | 6",
            "Actual 2024 | YEAR | 2024 | 0",
            "Budget FY26 | YEAR | 2026 | 0",
            "Forecast Q3 2026 | QUARTER | 2026 | 6",
            "Year 2025 | YEAR | 2025 | 0",
            "FY-2025 | YEAR | 2025 | 0",
            "2025 FY | YEAR | 2025 | 0",
            "2025P | YEAR | 2025 | 0",
            "FYE 2025 | YEAR | 2025 | 0",
            "YE 2025 | YEAR | 2025 | 0",
            "Fiscal 2025 | YEAR | 2025 | 0",
            "Fiscal Year 2025 | YEAR | 2025 | 0",
            "Jan-Mar 2025 | QUARTER | 2025 | 0",
            "Year 1 (2025) | YEAR | 2025 | 0",
            "Y2 - FY2026 | YEAR | 2026 | 0",
            "Oct–Dec 2025 | QUARTER | 2025 | 9",
            "January - December 2025 | YEAR | 2025 | 0",
            "Jan - Dec 2025 | YEAR | 2025 | 0",
            "January 1 - December 31, 2025 | YEAR | 2025 | 0",
            "July 2024 - June 2025 | YEAR | 2024 | 6",
            "Jan - Jun 2025 | HALF_YEAR | 2025 | 0",
            "Feb 1 - Feb 28, 2025 | MONTH | 2025 | 1",
            "3M Mar-25 | QUARTER | 2025 | 0",
            "3 months to Dec-25 | QUARTER | 2025 | 9",
            "QE Jun 2025 | QUARTER | 2025 | 3",
            "Q/E Sep-25 | QUARTER | 2025 | 6",
            "Mar-25 QTD | QUARTER | 2025 | 0",
            "FQ1 2025 | QUARTER | 2025 | 0",
            "03/25 | MONTH | 2025 | 2",
            "12/25 | MONTH | 2025 | 11",
            "2025M01 | MONTH | 2025 | 0",
            "M03-2025 | MONTH | 2025 | 2",
    })
    void aHeadingNamesItsPeriod(String heading, String granularity, int year, int monthsIn) {
        PeriodParser.Period p = PeriodParser.parseText(heading);
        assertThat(p).as(heading).isNotNull();
        assertThat(p.granularity()).isEqualTo(Granularity.valueOf(granularity));
        assertThat(p.key()).isEqualTo(year * 12 + monthsIn);
        assertThat(p.label()).isEqualTo(heading);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "30-Jun-26 | 2026-06-30",
            "31 Mar 2026 | 2026-03-31",
            "31/01/2026 | 2026-01-31",
            "1/31/2026 | 2026-01-31",
            "01/02/2026 | 2026-02-01",
            "12/1/26 | 2026-12-01",
    })
    void aDateTypedAsTextIsADate(String heading, String date) {
        assertThat(TextDates.textDate(heading.toLowerCase(java.util.Locale.ROOT))).isEqualTo(LocalDate.parse(date));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"05/06/2026", "Total", "Notes"})
    void aHeadingThatNamesNoOnePeriodIsNone(String heading) {
        assertThat(TextDates.textDate(heading.toLowerCase(java.util.Locale.ROOT))).isNull();
        PeriodParser.Period p = PeriodParser.parseText(heading);
        assertThat(p == null || p.total()).isTrue();
    }
}
