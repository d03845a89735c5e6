export const handler = async (event) => ({
  statusCode: 200,
  body: JSON.stringify({ orderId: event.pathParameters.orderId }),
});
