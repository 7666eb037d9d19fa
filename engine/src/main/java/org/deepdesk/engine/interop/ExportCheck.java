package org.deepdesk.engine.interop;

import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.engine.spec.ShapeInference;
import org.deepdesk.i18n.Message;

/** Rejects stacks that shape inference flags, because their export would not run either. */
final class ExportCheck {

    private ExportCheck() {
    }

    static NetworkSummary requireValid(NetworkSpec spec, int classCount) {
        NetworkSummary summary = ShapeInference.summarize(spec, classCount);
        if (!summary.isValid()) {
            throw new EngineException(Message.of("error.export.invalidNetwork", spec.name()));
        }
        return summary;
    }
}
