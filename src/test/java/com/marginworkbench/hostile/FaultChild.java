package com.marginworkbench.hostile;

import com.marginworkbench.classify.CostType;
import com.marginworkbench.classify.LineDecision;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.margin.Levers;
import com.marginworkbench.model.LayerSplit;
import com.marginworkbench.project.ProjectFile;
import com.marginworkbench.project.ProjectFileDto;
import com.marginworkbench.project.ProjectState;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Run as a separate process by {@link FaultsTest}, to be killed with SIGKILL at a random moment:
 * {@code save PROJECT_FILE} saves the project file over and over, alternating two versions
 * ("A" and "B", each with many lines so a save takes a while), and prints "saved X" after each.
 */
public final class FaultChild {
    private FaultChild() {
    }

    /** Lines in each saved version: enough for a save to take tens of milliseconds. */
    static final int LINES = 20_000;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        for (int i = 0; ; i++) {
            String version = i % 2 == 0 ? "A" : "B";
            ProjectFile.save(file, state(version), new ProjectFileDto.MappingDto(), "client.xlsx");
            System.out.println("saved " + version);
            System.out.flush();
        }
    }

    static ProjectState state(String version) {
        List<ProjectState.LineState> lines = new ArrayList<>();
        CostType[] types = CostType.values();
        for (int i = 0; i < LINES; i++) {
            lines.add(new ProjectState.LineState("P&L!A" + (i + 2), "Line " + i + " of version " + version,
                    LineDecision.of(types[i % types.length]).withNote("note " + version + " " + i), Instant.EPOCH,
                    LayerSplit.AI, i % 2 == 0, i % 3 == 0));
        }
        Levers levers = new Levers(version.equals("A") ? 0.1 : 0.5, 1, 0, 1, 0, 0);
        return new ProjectState(Policy.US_GAAP_DEFAULT, levers, "scenario " + version,
                List.of(new ProjectState.Scenario("scenario " + version, levers)), lines);
    }
}
