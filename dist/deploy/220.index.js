export const id = 220;
export const ids = [220];
export const modules = {

/***/ 6220:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createLambdaClient: () => (/* binding */ createLambdaClient)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1696);
/* harmony import */ var _clients__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(201);
/** The Lambda client, made as clients.ts makes every other: region, adaptive retries, AWS_ENDPOINT_URL. */


function createLambdaClient(settings = {}) {
    return new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__/* .LambdaClient */ .Nox((0,_clients__WEBPACK_IMPORTED_MODULE_0__/* .clientConfig */ .yO)(settings));
}


/***/ })

};
