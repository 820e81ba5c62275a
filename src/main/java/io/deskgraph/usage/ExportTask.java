package io.deskgraph.usage;

import java.time.Instant;

import org.springframework.lang.Nullable;

/**
 * A vendor-side export of usage metrics to a file.
 *
 * @param id the global id
 * @param accountId the account
 * @param nativeId the vendor's task id
 * @param status the task state
 * @param fileName the file name, once known
 * @param failReason why it failed
 * @param createdAt when it was created
 * @param finishedAt when it finished
 * @author DeskGraph
 */
public record ExportTask(String id, String accountId, String nativeId, ExportStatus status, @Nullable String fileName,
		@Nullable String failReason, @Nullable Instant createdAt, @Nullable Instant finishedAt) {

}
