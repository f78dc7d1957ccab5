package com.marginworkbench.workbook.restate;

import com.marginworkbench.classify.CogsTest;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.workbook.ReadResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run as a separate process by {@link KilledRestateTest}: restates a model with many lines slowly
 * (sleeping at every progress step) so the test can kill it in the middle of writing.
 * Arguments: folder, target file name.
 */
public final class SlowRestateChild {
    private SlowRestateChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        RestateFixtures.Fixture f = RestateFixtures.demo(dir, "source.xlsx");
        FinancialModel m = f.read().model();
        List<CostLine> costs = new ArrayList<>();
        List<LineDecision> decisions = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            int k = i % m.costs().size();
            costs.add(m.costs().get(k));
            decisions.add(f.read().decisions().get(k));
        }
        FinancialModel big = m.withCosts(costs);
        ReadResult read = new ReadResult(f.file(), big, decisions, List.of(), f.read().sheets(), false);
        System.out.println("writing");
        System.out.flush();
        RestatedWorkbookWriter.write(f.file(), read, CogsTest.classifyAll(decisions, Policy.US_GAAP_DEFAULT), decisions,
                Policy.US_GAAP_DEFAULT, Levers.NEUTRAL, dir.resolve(args[1]), (fraction, step) -> {
                    try {
                        Thread.sleep(25);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        System.out.println("done");
    }
}
