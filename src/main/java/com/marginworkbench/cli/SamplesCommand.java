package com.marginworkbench.cli;

import com.marginworkbench.samples.SampleModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Writes the bundled sample workbooks (the demo company's model and two client-style files). */
@Command(name = "samples", mixinStandardHelpOptions = true,
        description = "Writes the sample workbooks into a folder (default: sample-models).")
public final class SamplesCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER", defaultValue = "sample-models",
            description = "Folder to write into; created if missing. Existing samples there are replaced.")
    Path folder;

    @Override
    public Integer call() {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            System.err.println("margin-workbench: " + folder + " is a file, not a folder; give a folder to write the "
                    + "samples into");
            return 2;
        }
        try {
            for (Path p : SampleModels.writeAll(folder)) {
                System.out.println("wrote " + p);
            }
            return 0;
        } catch (IOException e) {
            System.err.println("margin-workbench: cannot write the samples into " + folder + ": " + e.getMessage()
                    + " (check that the folder is writable)");
            return 2;
        }
    }
}
