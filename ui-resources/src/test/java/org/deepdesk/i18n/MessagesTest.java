package org.deepdesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void nestedMessageIsFormatted() {
        Message problem = Message.of("problem.dense.units", 2, -10);
        Message message = Message.of("error.model.invalidNetwork", "model.ddmodel", problem);

        String english = Messages.forLocale(Messages.ENGLISH).format(message);
        String chinese = Messages.forLocale(Messages.SIMPLIFIED_CHINESE).format(message);

        assertThat(english).contains("Layer 2 (Dense) has -10 units.");
        assertThat(chinese).contains("第 2 层（Dense）的单元数为 -10");
        assertThat(chinese).doesNotContain("Layer 2");
    }
}
