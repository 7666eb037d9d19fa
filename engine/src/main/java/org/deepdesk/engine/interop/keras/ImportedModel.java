package org.deepdesk.engine.interop.keras;

import java.util.List;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.i18n.Message;

/**
 * A network imported from a Keras file, ready to predict and to train further.
 *
 * @param network the network with the Keras weights
 * @param kerasVersion the Keras version that saved the file
 * @param notices changes the import made that the user should know of, such as an added softmax
 */
public record ImportedModel(TrainableNetwork network, String kerasVersion, List<Message> notices) {

    public ImportedModel {
        notices = List.copyOf(notices);
    }
}
