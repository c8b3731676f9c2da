package org.mandatetracker.gateway.route;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

/**
 * Requests to the services whose event streams are closed, not read on, when the proxy is done with them. The proxy
 * closes a service's answer when it stops copying it, as when its client has gone; Spring's HttpURLConnection answer
 * then reads the rest of the body so that the connection can be used again. An event stream has no rest: that read
 * held the proxy's thread, the client's place among the gateway's streams and the service's subscriber until the
 * service ended the stream (half an hour). Closing the body of an unfinished answer closes its connection instead.
 */
final class EventStreamsEndWithTheirClient implements ClientHttpRequestFactory {

    private final ClientHttpRequestFactory requests;

    EventStreamsEndWithTheirClient(ClientHttpRequestFactory requests) {
        this.requests = requests;
    }

    @Override
    public ClientHttpRequest createRequest(URI uri, HttpMethod method) throws IOException {
        return new Request(requests.createRequest(uri, method));
    }

    /** The request as it was, streaming its body if it did, but with its answer wrapped. */
    private record Request(ClientHttpRequest request) implements ClientHttpRequest, StreamingHttpOutputMessage {

        @Override
        public ClientHttpResponse execute() throws IOException {
            return new Answer(request.execute());
        }

        @Override
        public void setBody(Body body) {
            if (request instanceof StreamingHttpOutputMessage streaming) {
                streaming.setBody(body);
                return;
            }
            try {
                body.writeTo(request.getBody());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public OutputStream getBody() throws IOException {
            return request.getBody();
        }

        @Override
        public HttpHeaders getHeaders() {
            return request.getHeaders();
        }

        @Override
        public HttpMethod getMethod() {
            return request.getMethod();
        }

        @Override
        public URI getURI() {
            return request.getURI();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return request.getAttributes();
        }
    }

    private record Answer(ClientHttpResponse answer) implements ClientHttpResponse {

        @Override
        public void close() {
            if (!MediaType.TEXT_EVENT_STREAM.isCompatibleWith(answer.getHeaders().getContentType())) {
                answer.close();
                return;
            }
            try {
                answer.getBody().close();
            } catch (IOException alreadyBroken) {
                // Closed either way.
            }
        }

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return answer.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return answer.getStatusText();
        }

        @Override
        public InputStream getBody() throws IOException {
            return answer.getBody();
        }

        @Override
        public HttpHeaders getHeaders() {
            return answer.getHeaders();
        }
    }
}
