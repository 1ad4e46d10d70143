// Replaced as the folder grows.
namespace ato {}
