package org.deepdesk.app.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComputeThreadPriorityTest {

    /** Native names as Linux shows them: cut to 15 characters. */
    @ParameterizedTest(name = "{0}: kept {1}")
    @CsvSource({
        "JavaFX Applicat, true",
        "QuantumRenderer, true",
        "InvokeLaterDisp, true",
        "gmain, true",
        "GC Thread#0, true",
        "G1 Conc#0, true",
        "VM Thread, true",
        "deepdesk-backgr, false",
        "java, false",
        "C2 CompilerThre, false",
        "DeallocatorServ, false"
    })
    void keepsInterfaceAndCollectorThreads(String name, boolean kept) {
        assertThat(ComputeThreadPriority.KEPT.test(name)).isEqualTo(kept);
    }
}
