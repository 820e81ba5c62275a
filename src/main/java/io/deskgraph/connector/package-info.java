/**
 * The connector contract every vendor implements, the account registry, and the typed
 * vendor exceptions.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.connector;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
