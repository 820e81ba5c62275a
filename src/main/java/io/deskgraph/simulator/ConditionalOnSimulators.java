package io.deskgraph.simulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Registers the annotated component only when the embedded vendor simulators run, as
 * decided by {@link DemoModeCondition}.
 *
 * @author DeskGraph
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(DemoModeCondition.class)
public @interface ConditionalOnSimulators {

}
