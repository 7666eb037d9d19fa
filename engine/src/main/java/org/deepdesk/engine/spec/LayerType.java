package org.deepdesk.engine.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The stable type name of a layer spec, shared by the JSON format and the message keys. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface LayerType {
    String value();
}
