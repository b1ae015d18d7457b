package nl.casustafel.platform;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Answers {@link NotFoundException} with the one 404 problem every "not found" gets. */
@Singleton
@Produces
@Requires(classes = ExceptionHandler.class)
public class NotFoundExceptionHandler implements ExceptionHandler<NotFoundException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> problems;

    public NotFoundExceptionHandler(ErrorResponseProcessor<?> problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, NotFoundException exception) {
        return problems.processResponse(ErrorContext.builder(request).cause(exception).build(), HttpResponse.status(HttpStatus.NOT_FOUND));
    }
}
