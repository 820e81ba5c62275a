package io.deskgraph.usage;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.lang.Nullable;

/**
 * An export file as the vendor sends it: its headers, and its body as a stream of buffers
 * that must be consumed (or cancelled) exactly once, never collected whole.
 *
 * @param taskId the task's global id
 * @param accountId the account
 * @param contentType the vendor's {@code Content-Type}, if it sent one
 * @param contentDisposition the vendor's {@code Content-Disposition} (the file name), if
 * it sent one
 * @param contentLength the length the vendor announced, -1 when unknown
 * @param content the body; subscribing opens the vendor's stream, cancelling closes it
 * @author DeskGraph
 */
public record ExportFile(String taskId, String accountId, @Nullable String contentType,
		@Nullable String contentDisposition, long contentLength, Flux<DataBuffer> content) {

}
