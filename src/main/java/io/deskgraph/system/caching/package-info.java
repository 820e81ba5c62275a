/**
 * The response cache: whole GraphQL results stored as the bytes sent, for as long as the
 * freshest vendor data in them allows, per caller scope.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.system.caching;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
