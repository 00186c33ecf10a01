export default function AlignmentPage() {
  return <div>Alignment</div>;
}
