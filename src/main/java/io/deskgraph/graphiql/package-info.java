/**
 * GraphiQL at {@code spring.graphql.graphiql.path}: DeskGraph's own page, built from the
 * GraphiQL and React WebJars in the jar, so that it works without internet access, in
 * place of Spring Boot's page, whose scripts come from a CDN.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.graphiql;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
