package com.marginworkbench.model;

import java.util.List;

/** The model's columns in time order, labelled as the workbook labels them. */
public record Periods(List<String> labels, Granularity granularity) {
    public Periods {
        labels = List.copyOf(labels);
        if (granularity == null) {
            granularity = Granularity.OTHER;
        }
    }

    public static Periods of(Granularity granularity, String... labels) {
        return new Periods(List.of(labels), granularity);
    }

    public int count() {
        return labels.size();
    }

    public String label(int index) {
        return labels.get(index);
    }
}
