/**
 * The GraphQL API layer: controllers that only delegate, the services that fan a question
 * out over accounts, merge and page the answers, cursors, the batch loader of
 * {@code Desktop.usage}, the one error path, scalars and federation wiring. It uses the
 * connectors below it and never the other way round.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.graphql;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
