/**
 * Huawei Cloud Workspace connector: client, signer, properties and mapping to neutral
 * records.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.connector.huawei;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
