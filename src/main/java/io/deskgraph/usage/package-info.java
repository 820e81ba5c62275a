/**
 * Vendor-neutral usage records (the Java side of the schema), the services that fan out
 * over accounts, merge and paginate, and the GraphQL controllers.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.usage;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
