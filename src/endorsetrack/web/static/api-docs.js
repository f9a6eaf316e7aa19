/* endorsetrack: start Swagger UI (served from the package, see web/app.py) on the API's OpenAPI schema. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    if (typeof window.SwaggerUIBundle !== "function") { return; }
    window.ui = window.SwaggerUIBundle({url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true});
  });
})();
