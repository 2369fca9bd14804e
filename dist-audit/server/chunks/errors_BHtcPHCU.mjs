// src/lib/errors.ts
var AppError = class extends Error {
	status;
	details;
	constructor(status, message, details) {
		super(message);
		this.status = status;
		this.details = details;
	}
};
var badRequest = (message, details) => new AppError(400, message, details);
var unauthorized = (message = "Not logged in") => new AppError(401, message);
var forbidden = (message = "Not allowed") => new AppError(403, message);
var notFound = (message = "Not found") => new AppError(404, message);
var conflict = (message, details) => new AppError(409, message, details);
var unprocessable = (message, details) => new AppError(422, message, details);
var tooManyRequests = (message, details) => new AppError(429, message, details);
export { notFound as a, unprocessable as c, forbidden as i, badRequest as n, tooManyRequests as o, conflict as r, unauthorized as s, AppError as t };
