package io.mlgate.core.pipeline;

import io.mlgate.core.gate.GateStatus;
import java.util.List;

/** What every pipeline step reports: a verdict, the pinned messages and the files it wrote. */
public interface StepOutcome {
    /** The step's verdict. */
    GateStatus status();

    /** Pinned one-line messages, in order; identical on every face. */
    List<String> messages();

    /** Files written by the step (absolute paths). */
    List<String> files();
}
